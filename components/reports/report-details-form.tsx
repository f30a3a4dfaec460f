"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/browser/client";
import type { ReportDetails } from "@/lib/domain/reports";
import { CreatorsField, creatorRow, creatorsOfRows, type CreatorRow } from "./creators-field";

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/** Editors correct what the importer found (and what a reference needs); an empty field clears it. */
export function ReportDetailsForm({ reportId, initial }: { reportId: string; initial: ReportDetails }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [creators, setCreators] = useState<CreatorRow[]>(() => initial.creators.map((c) => creatorRow(c)));

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const value = (k: string) => String(f.get(k) ?? "");
    setPending(true);
    setMessage(null);
    try {
      await apiFetch(`/api/v1/reports/${reportId}`, {
        method: "PATCH",
        json: {
          title: value("title").trim(),
          subtitle: orNull(value("subtitle")),
          creators: creatorsOfRows(creators),
          publisher: orNull(value("publisher")),
          publishedAt: orNull(value("publishedAt")),
          language: orNull(value("language"))?.toLowerCase() ?? null,
          sourceUrl: orNull(value("sourceUrl")),
          place: orNull(value("place")),
          reportNumber: orNull(value("reportNumber")),
          series: orNull(value("series")),
          doi: orNull(value("doi")),
          accessedAt: orNull(value("accessedAt")),
        },
      });
      setMessage({ tone: "success", text: "The details were saved." });
      router.refresh();
    } catch (err) {
      setMessage({ tone: "error", text: (err as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Field label="Title">{(p) => <input {...p} name="title" defaultValue={initial.title} required maxLength={300} dir="auto" />}</Field>
      <Field label="Subtitle">
        {(p) => <input {...p} name="subtitle" defaultValue={initial.subtitle ?? ""} maxLength={300} dir="auto" />}
      </Field>
      <CreatorsField rows={creators} onChange={setCreators} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Publisher">
          {(p) => <input {...p} name="publisher" defaultValue={initial.publisher ?? ""} maxLength={200} dir="auto" />}
        </Field>
        <Field label="Publication date">
          {(p) => <input {...p} name="publishedAt" type="date" defaultValue={initial.publishedAt ?? ""} />}
        </Field>
        <Field label="Language (e.g. en, ar)">
          {(p) => <input {...p} name="language" defaultValue={initial.language ?? ""} maxLength={20} />}
        </Field>
        <Field label="Source address">{(p) => <input {...p} name="sourceUrl" type="url" defaultValue={initial.sourceUrl ?? ""} />}</Field>
        <Field label="Place of publication">
          {(p) => <input {...p} name="place" defaultValue={initial.place ?? ""} maxLength={200} dir="auto" />}
        </Field>
        <Field label="Report number">
          {(p) => <input {...p} name="reportNumber" defaultValue={initial.reportNumber ?? ""} maxLength={100} dir="auto" />}
        </Field>
        <Field label="Series">{(p) => <input {...p} name="series" defaultValue={initial.series ?? ""} maxLength={300} dir="auto" />}</Field>
        <Field label="DOI" hint="e.g. 10.1234/wp-2024-07">
          {(p) => <input {...p} name="doi" defaultValue={initial.doi ?? ""} maxLength={300} spellCheck={false} />}
        </Field>
        <Field label="Date accessed">{(p) => <input {...p} name="accessedAt" type="date" defaultValue={initial.accessedAt ?? ""} />}</Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
