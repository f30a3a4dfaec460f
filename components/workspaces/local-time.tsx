"use client";

let format: Intl.DateTimeFormat | undefined;

/** A date and time in the reader's own time zone (the server's first render may differ: it is not a hydration error). */
export function LocalTime({ iso }: { iso: string }) {
  format ??= new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format.format(new Date(iso))}
    </time>
  );
}
