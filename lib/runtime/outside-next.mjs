// `node --import ./lib/runtime/outside-next.mjs`: server code runs outside Next.js here (see server-only-hooks.mjs).
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
