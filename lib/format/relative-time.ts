// Made at first use, not when the module loads: making them loads the locale's data, tens of
// milliseconds that were part of the task that hydrated the reader.
let rtf: Intl.RelativeTimeFormat | undefined;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

function dateFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone })));
  return format;
}

/**
 * "just now", "5 minutes ago", "yesterday"; older than a week: the date, in
 * `timeZone` (default: the local one).
 */
export function relativeTime(iso: string | Date, now: Date | number = new Date(), { timeZone }: { timeZone?: string } = {}): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  let delta = (date.getTime() - (typeof now === "number" ? now : now.getTime())) / 1000;
  if (Math.abs(delta) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) < size) return (rtf ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" })).format(Math.round(delta), unit);
    delta /= size;
  }
  return dateFormat(timeZone).format(date);
}
