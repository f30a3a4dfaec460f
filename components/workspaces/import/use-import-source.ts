import { useState } from "react";
import { MAX_FILE_BYTES, MAX_IMPORT_BYTES } from "@/lib/importers/types";
import { formatSize } from "./messages";
import { normaliseUrl } from "./metadata";

export type Source = "paste" | "file" | "url";
export type TextFormat = "text" | "markdown";

function textFormatFor(fileName: string): TextFormat | null {
  if (/\.(md|markdown)$/i.test(fileName)) return "markdown";
  if (/\.txt$/i.test(fileName)) return "text";
  return null;
}

function isSupportedFile(fileName: string): boolean {
  return /\.(docx|pdf|html?|md|markdown|txt)$/i.test(fileName);
}

/**
 * Where the report comes from: pasted text (or a .txt/.md file read into it), an
 * uploaded file, or a web address. `changed` is told of every change, which makes
 * an earlier preview stale; `fail` and `notify` take messages for the person.
 */
export function useImportSource({
  changed,
  fail,
  notify,
}: {
  changed: () => void;
  fail: (message: string) => void;
  notify: (message: string) => void;
}) {
  const [source, setSource] = useState<Source>("paste");
  const [format, setFormat] = useState<TextFormat>("text");
  const [content, setContent] = useState("");
  const [textFileName, setTextFileName] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [url, setUrl] = useState("");

  function acceptFile(chosen: File): boolean {
    const problem = !isSupportedFile(chosen.name)
      ? "This kind of file cannot be imported. Choose a Word document (.docx), a PDF, a web page (.html), Markdown (.md) or plain text (.txt)."
      : chosen.size > MAX_FILE_BYTES
        ? `This file is ${formatSize(chosen.size)}, over the ${formatSize(MAX_FILE_BYTES)} limit. Remove images or split the report, then try again.`
        : chosen.size === 0
          ? "This file is empty. Choose the file again, or check that it saved properly."
          : null;
    setFile(problem ? null : chosen);
    if (problem) fail(problem);
    return problem === null;
  }

  return {
    source,
    format,
    content,
    textFileName,
    file,
    fileInputKey,
    url,
    pickSource(next: Source) {
      setSource(next);
      changed();
    },
    pickFormat(next: TextFormat) {
      setFormat(next);
      changed();
    },
    editContent(next: string) {
      setContent(next);
      changed();
    },
    editUrl(next: string) {
      setUrl(next);
      changed();
    },
    async onTextFile(e: React.ChangeEvent<HTMLInputElement>) {
      const chosen = e.target.files?.[0];
      e.target.value = "";
      if (!chosen) return;
      changed();
      const detected = textFormatFor(chosen.name);
      if (!detected) {
        if (!isSupportedFile(chosen.name)) return fail("Choose a .txt or .md file here. For Word, PDF or web pages, use “Upload a file”.");
        // A Word document, PDF or web page: read it as a file instead.
        acceptFile(chosen);
        setSource("file");
        return notify(`${chosen.name} is not plain text, so it will be read as a file.`);
      }
      if (chosen.size > MAX_IMPORT_BYTES) {
        return fail(
          `This file is ${formatSize(chosen.size)}; text can be up to ${formatSize(MAX_IMPORT_BYTES)}. Split the report and try again.`,
        );
      }
      setFormat(detected);
      setTextFileName(chosen.name);
      setContent(await chosen.text());
    },
    onReportFile(e: React.ChangeEvent<HTMLInputElement>) {
      const chosen = e.target.files?.[0];
      changed();
      if (!chosen) return setFile(null);
      if (!acceptFile(chosen)) setFileInputKey((k) => k + 1);
    },
    removeFile() {
      setFile(null);
      setFileInputKey((k) => k + 1);
      changed();
    },
    /** What is missing from the chosen source, in plain words; null when it is ready. */
    problem(): string | null {
      if (source === "paste" && !content.trim()) return "Paste the report’s text, or choose a .txt or .md file.";
      if (source === "file" && !file) return "Choose the report’s file: .docx, .pdf, .html, .md or .txt.";
      if (source === "url") {
        const address = normaliseUrl(url);
        if (!address) return "Enter the web address of the report.";
        try {
          const parsed = new URL(address);
          if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error();
        } catch {
          return "That does not look like a web address. Enter it in full, for example https://example.org/report.";
        }
      }
      return null;
    },
    /** The source in a few words, for the preview's heading. */
    label(): string {
      if (source === "file" && file) return `${file.name} (${formatSize(file.size)})`;
      if (source === "url") return normaliseUrl(url);
      return textFileName ?? `Pasted ${format === "markdown" ? "Markdown" : "text"}, ${content.length.toLocaleString("en")} characters`;
    },
  };
}

export type ImportSource = ReturnType<typeof useImportSource>;
