import { readFile } from "node:fs/promises";
import path from "node:path";

export const DEMO_EMAIL = "demo@marginalia.local";
export const DEMO_PASSWORD = "quiet-reading-room";

/**
 * Creates the demo account, its workspace and the sample report, once, through
 * the same server functions the API uses. Returns true when it created them.
 * Expects DATABASE_URL to be set (the modules read it when first imported).
 */
export async function seedDemo(): Promise<boolean> {
  const { db } = await import("../lib/db");
  const { registerUser } = await import("../lib/server/users/register-user");
  const { createWorkspace } = await import("../lib/server/workspaces/workspaces");
  const { importReport } = await import("../lib/server/reports/reports");

  if (await db.user.findUnique({ where: { email: DEMO_EMAIL } })) return false;
  const sample = await readFile(path.join(process.cwd(), "prisma", "seed", "normalization-report-intro.txt"), "utf8");
  const user = await registerUser({ email: DEMO_EMAIL, name: "Demo Reader", password: DEMO_PASSWORD });
  const workspace = await createWorkspace({ userId: user.id, name: "Demo workspace" });
  await importReport({ userId: user.id, workspaceIdOrSlug: workspace.id, format: "text", content: sample });
  return true;
}

// `npm run db:seed` against DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL, or use `npm run dev`, which seeds its embedded database itself.");
  const created = await seedDemo();
  console.log(created ? `Demo account created: ${DEMO_EMAIL} / ${DEMO_PASSWORD}` : "The demo account already exists.");
  process.exit(0);
}
