import { describe, expect, it } from "vitest";
import { DRAFT_MAX_AGE_MS, draftKey, pruneDrafts, readDraft, writeDraft } from "./draft-store";

/** A Storage in memory, with a switch that makes it refuse writes (a full or private-mode storage). */
function memoryStorage(): Storage & { refuse: boolean } {
  const data = new Map<string, string>();
  return {
    refuse: false,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      if (this.refuse) throw new DOMException("full", "QuotaExceededError");
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

const NOW = Date.UTC(2026, 11, 7, 6, 0);

describe("drafts kept in the browser", () => {
  it("keeps a draft per report and item, and gives it back", () => {
    const storage = memoryStorage();
    writeDraft(storage, draftKey("r1", "reply:a1"), "Half a reply", NOW);
    writeDraft(storage, draftKey("r2", "reply:a1"), "Another report's", NOW);
    expect(readDraft(storage, draftKey("r1", "reply:a1"), NOW + 1000)).toBe("Half a reply");
    expect(readDraft(storage, draftKey("r2", "reply:a1"), NOW + 1000)).toBe("Another report's");
    expect(readDraft(storage, draftKey("r1", "reply:a2"), NOW)).toBeNull();
  });

  it("removes a draft written as null (sent, or emptied)", () => {
    const storage = memoryStorage();
    const key = draftKey("r1", "composer");
    writeDraft(storage, key, { body: "x" }, NOW);
    writeDraft(storage, key, null, NOW);
    expect(readDraft(storage, key, NOW)).toBeNull();
    expect(storage.length).toBe(0);
  });

  it("drops drafts older than the limit, and unreadable ones, when read or pruned", () => {
    const storage = memoryStorage();
    writeDraft(storage, draftKey("r1", "old"), "old", NOW - DRAFT_MAX_AGE_MS - 1);
    writeDraft(storage, draftKey("r1", "fresh"), "fresh", NOW - 1000);
    storage.setItem(draftKey("r1", "broken"), "{not json");
    storage.setItem("someone.else", "left alone");
    expect(readDraft(storage, draftKey("r1", "broken"), NOW)).toBeNull();
    pruneDrafts(storage, NOW);
    expect(storage.getItem(draftKey("r1", "old"))).toBeNull();
    expect(readDraft(storage, draftKey("r1", "fresh"), NOW)).toBe("fresh");
    expect(storage.getItem("someone.else")).toBe("left alone");
  });

  it("fails quietly without storage, or when storage refuses", () => {
    expect(readDraft(null, "k")).toBeNull();
    expect(() => writeDraft(null, "k", "v")).not.toThrow();
    const storage = memoryStorage();
    storage.refuse = true;
    expect(() => writeDraft(storage, draftKey("r1", "composer"), "v", NOW)).not.toThrow();
    expect(readDraft(storage, draftKey("r1", "composer"), NOW)).toBeNull();
  });
});
