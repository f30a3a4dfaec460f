// Server code runs outside Next.js here (see server-only-hooks.mjs). The app's own entries (scripts/run.ts, serve.ts,
// collab.ts) import this first; scripts whose static imports reach server code take it as `node --import` (package.json).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
