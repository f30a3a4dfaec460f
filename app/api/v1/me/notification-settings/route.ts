import { readJson } from "@/lib/api/server/read-json";
import { apiRoute } from "@/lib/api/server/route";
import { emailSettingsView, updateNotificationSettings } from "@/lib/server/email/settings";
import { notificationSettingsSchema } from "@/lib/validations/notification";

export const GET = apiRoute(async ({ user }) => emailSettingsView(user.id));

export const PUT = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, notificationSettingsSchema, 8 * 1024);
  await updateNotificationSettings(user.id, input);
  return emailSettingsView(user.id);
});
