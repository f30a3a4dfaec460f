/**
 * Golden-file checks for the exporters' tests: the file is the expected
 * output, byte for byte. `UPDATE_GOLDEN=1 npx vitest run --project unit lib/exporters`
 * rewrites the files from the current output instead; read the diff before committing it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";

export function expectGolden(fileName: string, actual: string): void {
  const file = path.join(import.meta.dirname, fileName);
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(file, actual, "utf8");
    return;
  }
  // Compared as strings: Buffer#toString keeps a leading BOM, so it is checked too.
  expect(actual).toBe(readFileSync(file).toString("utf8"));
}
