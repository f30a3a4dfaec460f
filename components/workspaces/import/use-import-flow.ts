import { useRouter } from "next/navigation";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { apiFetch } from "@/lib/api/browser/client";
import { dateFromText, namesFromText } from "@/lib/importers/import-choices";
import type { ImportPreview, PreviewPassage } from "@/lib/domain/imports";
import { fieldErrorsOf, messageOf, postForm } from "./messages";
import { EMPTY_META, appendMetadata, metaFrom, metadataJson, normaliseUrl, type Meta, type MetaKey } from "./metadata";
import { NO_CHOICES, choicesReducer, choicesRequest, type PassageChoices, type PassageUse } from "./passage-choices";
import { useImportSource } from "./use-import-source";

export type Busy = null | "preview" | "import" | "more";

/**
 * The import page's state: the source, the preview the server made of it (its
 * passages fetched a page at a time), the corrections to the details and the
 * choices on the passages, and the requests that read and import the report.
 */
export function useImportFlow({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const endpoint = `/api/v1/workspaces/${workspaceId}/reports`;
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [passages, setPassages] = useState<PreviewPassage[]>([]);
  const [meta, setMeta] = useState<Meta>(EMPTY_META);
  const [choices, dispatch] = useReducer(choicesReducer, NO_CHOICES);
  const [stage, setStage] = useState<"source" | "preview">("source");
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<MetaKey, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  const changed = useCallback(() => {
    setPreview(null);
    setPassages([]);
    setMeta(EMPTY_META);
    dispatch({ type: "reset" });
    setFieldErrors({});
    setError(null);
    setNotice(null);
  }, []);
  const source = useImportSource({ changed, fail: setError, notify: setNotice });

  useEffect(() => () => abortRef.current?.abort(), []);

  async function send<T>(options: { dryRun: boolean; signal?: AbortSignal; offset?: number; withChoices?: PassageChoices }): Promise<T> {
    const path = options.dryRun ? `${endpoint}?dryRun=1${options.offset ? `&passageOffset=${options.offset}` : ""}` : endpoint;
    const chosen = options.withChoices && preview ? choicesRequest(options.withChoices) : {};
    if (source.source === "file") {
      const form = new FormData();
      form.append("file", source.file as File);
      if (options.withChoices && preview) {
        appendMetadata(form, meta);
        for (const [key, values] of Object.entries(chosen)) form.append(key, values.join(","));
      }
      return postForm<T>(path, form, options.signal);
    }
    const base =
      source.source === "url" ? { format: "url", url: normaliseUrl(source.url) } : { format: source.format, content: source.content };
    const details = options.withChoices && preview ? { ...metadataJson(meta, preview), ...chosen } : {};
    return apiFetch<T>(path, { method: "POST", signal: options.signal, json: { ...base, ...details } });
  }

  async function runPreview(): Promise<boolean> {
    if (busy) return false;
    const problem = source.problem();
    if (problem) {
      setError(problem);
      return false;
    }
    // Nothing changed since the last preview: show it again, with the edits kept.
    if (preview) return true;
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy("preview");
    setError(null);
    setNotice(null);
    setFieldErrors({});
    try {
      const found = await send<ImportPreview>({ dryRun: true, signal: controller.signal });
      setPreview(found);
      setPassages(found.passages);
      setMeta(metaFrom(found));
      return true;
    } catch (err) {
      if (!controller.signal.aborted) setError(messageOf(err));
      return false;
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setBusy(null);
    }
  }

  /** The next page of a long report's passages (the source is read again: nothing was stored). */
  async function loadMore() {
    if (busy || !preview) return;
    setBusy("more");
    setError(null);
    try {
      const page = await send<ImportPreview>({ dryRun: true, offset: passages.length });
      setPassages((shown) => [...shown, ...page.passages.filter((p) => p.index > shown.length)]);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  async function runImport(): Promise<boolean> {
    if (busy) return false;
    const problem = source.problem();
    if (problem) {
      setError(problem);
      return false;
    }
    setBusy("import");
    setError(null);
    setFieldErrors({});
    try {
      const report = await send<{ id: string }>({ dryRun: false, withChoices: choices });
      router.push(`/w/${workspaceSlug}/r/${report.id}`);
      // Stay busy until the report page replaces this one.
      return true;
    } catch (err) {
      setError(messageOf(err));
      if (preview) setFieldErrors(fieldErrorsOf(err));
      setBusy(null);
      return false;
    }
  }

  function setMetaField(key: MetaKey, value: string) {
    setMeta((m) => ({ ...m, [key]: value }));
    if (fieldErrors[key]) setFieldErrors((f) => ({ ...f, [key]: undefined }));
  }

  /** A passage's text becomes a detail of the report (shown in its field) and leaves the text. */
  const takeDetailFrom = useCallback((passage: PreviewPassage, use: PassageUse) => {
    const value =
      use === "authors" ? namesFromText(passage.text).join(", ") : use === "date" ? (dateFromText(passage.text) ?? "") : passage.text;
    const key: MetaKey = use === "authors" ? "authors" : use === "date" ? "publishedAt" : "subtitle";
    setMeta((m) => ({ ...m, [key]: value }));
    setFieldErrors((f) => ({ ...f, [key]: undefined }));
    dispatch({ type: "use", index: passage.index, use });
  }, []);

  return {
    source,
    preview,
    passages,
    meta,
    choices,
    dispatch,
    stage,
    busy,
    error,
    fieldErrors,
    notice,
    setMetaField,
    takeDetailFrom,
    loadMore,
    runImport,
    async showPreview() {
      if (await runPreview()) setStage("preview");
    },
    cancelPreview() {
      abortRef.current?.abort();
      setBusy(null);
    },
    back() {
      setError(null);
      setFieldErrors({});
      setStage("source");
    },
  };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
