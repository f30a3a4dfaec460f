/**
 * Module hooks for the processes that run our server code outside Next.js (the app server's
 * own host, scripts, benchmarks): there `import "server-only"` resolves as it does in Next.js's
 * server bundles, to the package's empty module (its "react-server" export). In a client bundle
 * Next.js still refuses it, which is what the marker is for.
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return nextResolve(specifier, context);
}
