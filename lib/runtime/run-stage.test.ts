import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runStage } from "./run-stage";

let dir: string | undefined;
// The stage's own ▶/✔/✖ lines would read, in a test run's output, like stages of that run.
beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

const node = process.execPath;

describe("runStage", () => {
  it("keeps this process reading a chatty child's pipe while the stage runs (as the embedded PostgreSQL's log)", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "run-stage-"));
    const done = path.join(dir, "done");
    // Like PostgreSQL logging every refused statement: megabytes into a pipe this process reads.
    const chatty = spawn(
      node,
      ["-e", `process.stdout.write("x".repeat(8 * 1024 * 1024), () => require("fs").writeFileSync(${JSON.stringify(done)}, ""))`],
      {
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    let read = 0;
    chatty.stdout.on("data", (chunk: Buffer) => (read += chunk.length));
    // The stage waits for the chatty child to have written everything, which it can only do while we read.
    const waitForDone = `const fs = require("fs"); const t = Date.now(); const check = () => fs.existsSync(${JSON.stringify(done)}) ? process.exit(0) : Date.now() - t > 10000 ? process.exit(3) : setTimeout(check, 20); check();`;
    await runStage("waiting stage", node, ["-e", waitForDone]);
    expect(read).toBe(8 * 1024 * 1024);
  });

  it("rejects when the command fails, naming the stage", async () => {
    await expect(runStage("failing stage", node, ["-e", "process.exit(2)"])).rejects.toThrow("failing stage failed");
    await expect(runStage("missing command", path.join(os.tmpdir(), "no-such-command-here"), [])).rejects.toThrow("missing command failed");
    expect(console.error).toHaveBeenCalledWith("✖ failing stage failed (exit 2).");
  });
});
