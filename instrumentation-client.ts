import { z } from "zod";

// Runs in the browser before the app's own modules. Zod compiles object schemas with
// `new Function` unless told not to, and first probes whether it may by calling
// `Function("")`: our Content-Security-Policy (proxy.ts) refuses eval, so every page with a
// form reported a violation. The schemas here are small; interpreting them costs nothing
// a reader notices. The server keeps compiling (its policy is not a browser's).
z.config({ jitless: true });
