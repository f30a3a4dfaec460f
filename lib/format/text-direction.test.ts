import { describe, expect, it } from "vitest";
import { isRightToLeft, languageDirection } from "./text-direction";

describe("text direction", () => {
  it("reads a language's direction from its primary subtag", () => {
    expect(languageDirection("ar")).toBe("rtl");
    expect(languageDirection("fa-IR")).toBe("rtl");
    expect(languageDirection("en")).toBe("ltr");
    expect(languageDirection("pt-BR")).toBe("ltr");
    expect(languageDirection(null)).toBe("auto");
  });

  it("reads text's direction from its first letter", () => {
    expect(isRightToLeft("٢٠٢٣ الزلزال")).toBe(true);
    expect(isRightToLeft("King Abdullah II (الملك)")).toBe(false);
  });
});
