import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { markNotificationsRead } from "@/lib/server/notifications/notifications";
import { markReadSchema } from "@/lib/validations/notification";

export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, markReadSchema, 32 * 1024);
  return markNotificationsRead({ userId: user.id, ...input });
});
