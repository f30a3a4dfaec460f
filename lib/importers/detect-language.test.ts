import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect-language";

describe("detectLanguage", () => {
  it("recognises the sample report as English", () => {
    expect(detectLanguage(readFileSync(path.join(process.cwd(), "prisma/seed/normalization-report-intro.txt"), "utf8"))).toBe("en");
  });
  it("tells scripts apart, and Persian from Arabic", () => {
    expect(detectLanguage("إن الزلزال المدمر الذي ضرب سوريا في السادس من شباط فتح نافذة إنسانية للتطبيع مع النظام")).toBe("ar");
    expect(detectLanguage("این گزارش به بررسی انگیزه‌های کشورهای عربی برای عادی‌سازی روابط با رژیم سوریه می‌پردازد")).toBe("fa");
    expect(detectLanguage("הדו״ח בוחן את המניעים של המדינות הערביות לנרמול היחסים עם המשטר בסוריה")).toBe("he");
  });
  it("uses common words for Latin scripts", () => {
    expect(
      detectLanguage(
        "Le rapport examine les motivations des pays qui ont choisi la normalisation des relations avec le régime et la question de sa viabilité.",
      ),
    ).toBe("fr");
    expect(
      detectLanguage(
        "Bu rapor, rejimle ilişkilerin normalleşmesi için bir çok ülkenin motivasyonlarını ve bu yolun olası sonuçlarını ele alıyor ve değerlendiriyor.",
      ),
    ).toBe("tr");
  });
  it("says nothing when there is too little to go on", () => {
    expect(detectLanguage("OK")).toBeNull();
    expect(detectLanguage("1234 5678 91011 !!!")).toBeNull();
  });
});
