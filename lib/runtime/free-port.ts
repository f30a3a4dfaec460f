import { createServer, type AddressInfo } from "node:net";

/**
 * A TCP port free on 127.0.0.1 now, picked by the system, for a server about to
 * be started (the app, Postgres, a fixture). Node's own modules only: the test
 * runner (scripts/test.ts) and the benchmarks import it before anything is built.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
