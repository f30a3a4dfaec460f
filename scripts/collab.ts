/**
 * `npm run collab`: the collaboration server for co-edited team notes, alone.
 * `npm run dev` and `npm start` already run one beside the app; run this to
 * add instances (behind a load balancer) against the same DATABASE_URL and
 * NEXTAUTH_SECRET as the app. See docs/deploy.md.
 *
 *   MARGINALIA_COLLAB_PORT   port (default: PORT + 1, i.e. 3001)
 *   MARGINALIA_COLLAB_HOST   interface to listen on (default: all)
 */
// First: server code loaded below (by dynamic imports) may be `import "server-only"`, however this script is started.
import "../lib/runtime/outside-next.mjs";
import "dotenv/config";

async function main() {
  const { DATABASE_URL, NEXTAUTH_SECRET } = process.env;
  if (!DATABASE_URL || !NEXTAUTH_SECRET)
    throw new Error("Set DATABASE_URL and NEXTAUTH_SECRET (the app's) to run the collaboration server.");
  const port = Number(process.env.MARGINALIA_COLLAB_PORT) || Number(process.env.PORT ?? 3000) + 1;
  const { startCollabServer } = await import("../lib/collab/server");
  const server = await startCollabServer({
    port,
    secret: NEXTAUTH_SECRET,
    databaseUrl: DATABASE_URL,
    host: process.env.MARGINALIA_COLLAB_HOST,
  });
  console.log(`Collaboration server ${server.instanceId} listening on port ${server.port}`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
