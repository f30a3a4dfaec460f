import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newUser, newWorkspace } from "@/lib/testing/api";
import { findOrCreateTags } from "./tags";

describe("findOrCreateTags", () => {
  it("takes the tag another transaction has just added under the same name, instead of failing on the unique name", async () => {
    const ws = await newWorkspace(await newUser());
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let added!: (id: string) => void;
    const addedId = new Promise<string>((resolve) => (added = resolve));
    // Another writer adds "Raced" and has not committed yet.
    const first = db.$transaction(
      async (tx) => {
        const tag = await tx.tag.create({
          data: { workspaceId: ws.id, name: "Raced", nameKey: "raced", color: "#0f766e" },
          select: { id: true },
        });
        added(tag.id);
        await held;
      },
      { timeout: 20_000 },
    );
    const id = await addedId;
    // This one does not see it yet, and adds it too: its insert waits for the other to commit.
    const second = db.$transaction((tx) => findOrCreateTags(tx, { workspaceId: ws.id, names: [" raced "], canCreate: true }), {
      timeout: 20_000,
    });
    await sleep(300);
    release();
    await first;
    const { idsByKey, skipped } = await second;
    expect(skipped).toEqual([]);
    expect(idsByKey.get("raced")).toBe(id);
    expect(await db.tag.count({ where: { workspaceId: ws.id } })).toBe(1);
  });
});
