/**
 * A second app instance for tests that need two (live events across
 * instances): the production server of the same build, against the same database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "@/lib/runtime/free-port";
import { serverCommand, productionServerEnv } from "@/lib/runtime/server-env";

export async function startSecondInstance(options: { env?: Record<string, string> } = {}): Promise<{ baseUrl: string; stop: () => void }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = serverCommand({ port, hostname: "127.0.0.1" });
  const child: ChildProcess = spawn(app.command, app.args, {
    env: productionServerEnv({ ...process.env, PORT: String(port), NEXTAUTH_URL: baseUrl, ...options.env }),
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second instance exited (${child.exitCode})`);
    try {
      const res = await fetch(`${baseUrl}/signin`);
      if (res.status < 500) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error("the second instance did not start within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, stop };
}
