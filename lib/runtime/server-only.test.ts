import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const DATABASE = /from "(@\/lib\/db|@\/lib\/db\/sql-runner|@\/lib\/db\/health)"|from "\.\.?\/db"/;

describe('import "server-only"', () => {
  it("marks every module under lib/ that reads or writes the database, so a client component cannot take one", () => {
    const unmarked = sourceFiles(path.join(ROOT, "lib"))
      .filter((file) => {
        const text = readFileSync(file, "utf8");
        return (DATABASE.test(text) || file.endsWith(path.join("lib", "db.ts"))) && !text.includes('import "server-only";');
      })
      .map((file) => path.relative(ROOT, file));
    expect(unmarked).toEqual([]);
  });

  it("is an empty module for a process started with lib/runtime/outside-next.mjs, and refuses one started without it", () => {
    const script = 'import("server-only").then(() => console.log("loaded"), (e) => console.log(e.message))';
    const run = (flags: string[]) =>
      execFileSync(process.execPath, [...flags, "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" }).trim();
    expect(run(["--import", "./lib/runtime/outside-next.mjs"])).toBe("loaded");
    expect(run([])).toMatch(/cannot be imported from a Client Component/);
  });
});
