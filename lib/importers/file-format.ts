import type { FileFormat, ImportFormat } from "./types";

/** Every format a file or a fetched page can be imported from. */
export type ImportFileFormat = FileFormat | ImportFormat;

const EXTENSIONS: Record<string, ImportFileFormat> = {
  docx: "docx",
  pdf: "pdf",
  html: "html",
  htm: "html",
  md: "markdown",
  markdown: "markdown",
  txt: "text",
};

const MIME_TYPES: Record<string, ImportFileFormat> = {
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "text",
};

/** The format of an uploaded file by its name's extension, else by its MIME type; null when neither is known. */
export function formatFromFileName(name: string, mimeType?: string | null): ImportFileFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();
  if (extension !== undefined && EXTENSIONS[extension]) return EXTENSIONS[extension];
  const type = mimeType?.split(";")[0].trim().toLowerCase();
  return (type && MIME_TYPES[type]) || null;
}
