"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersFromParams, paramsWithFilters, type Filters } from "@/components/annotations/filters";

/** The sidebar's filters, kept in the address (so a view can be shared), and the address's other parts the reader reads. */
export function useReaderFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const setFilters = useCallback(
    (next: Filters) => {
      const qs = paramsWithFilters(new URLSearchParams(searchParams.toString()), next).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  return { filters, setFilters, pathname, searchParams, refresh: router.refresh };
}
