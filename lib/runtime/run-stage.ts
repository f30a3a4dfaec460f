import { spawn } from "node:child_process";

/**
 * One stage of `npm test` (or any script): runs a command with the terminal
 * as its output, and resolves when it exits 0 (rejects otherwise).
 *
 * Asynchronous on purpose. The process that runs the stages also owns the
 * embedded PostgreSQL, whose log output it reads through a pipe; a
 * synchronous spawn would stop this process reading it for the whole stage,
 * the pipe would fill with the errors tests provoke on purpose (unique
 * violations and the like), and every database backend that then logs a line
 * would block writing it, holding its connection until the pool ran dry.
 */
export function runStage(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", (e) => {
      console.error(`✖ ${title} could not start (${e.message}).`);
      reject(new Error(`${title} failed`));
    });
    child.on("exit", (code, signal) => {
      if (code === 0) {
        console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        resolve();
      } else {
        console.error(`✖ ${title} failed (exit ${code ?? signal}).`);
        reject(new Error(`${title} failed`));
      }
    });
  });
}
