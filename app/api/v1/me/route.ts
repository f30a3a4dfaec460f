import { apiRoute } from "@/lib/api/server/route";

export const GET = apiRoute(async ({ user }) => user);
