"use client";

import { useCallback, useState } from "react";
import { apiFetch } from "@/lib/api/browser/client";
import type { Jsonified } from "@/lib/domain/json";
import type { ShareLinkSummary } from "@/lib/domain/share-links";
import type { CreateShareLinkInput } from "@/lib/validations/share-link";

export type ShareLinkJson = Jsonified<ShareLinkSummary>;

/** A report's share links as the dialog holds them: loaded when it opens, made and revoked through the API. */
export function useShareLinks(reportId: string) {
  const [links, setLinks] = useState<ShareLinkJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/v1/reports/${encodeURIComponent(reportId)}/share-links`;

  const load = useCallback(async () => {
    setError(null);
    try {
      setLinks((await apiFetch<{ shareLinks: ShareLinkJson[] }>(`${base}?limit=200`)).shareLinks);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [base]);

  const create = useCallback(
    async (input: CreateShareLinkInput): Promise<ShareLinkJson | null> => {
      setError(null);
      try {
        const made = await apiFetch<ShareLinkJson>(base, { method: "POST", json: input });
        setLinks((l) => [made, ...(l ?? [])]);
        return made;
      } catch (e) {
        setError((e as Error).message);
        return null;
      }
    },
    [base],
  );

  const revoke = useCallback(async (id: string) => {
    setError(null);
    try {
      await apiFetch(`/api/v1/share-links/${encodeURIComponent(id)}`, { method: "DELETE" });
      setLinks((l) => (l ?? []).filter((x) => x.id !== id));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  return { links, error, load, create, revoke };
}
