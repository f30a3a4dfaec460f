// A tag as it shows on cards and lists: apart from the tag manager, so showing a tag does not bring
// the manager's form and its validation (zod) with it.

/** A tag as a small pill: a faint tint of its colour, a coloured dot, the name in the normal text colour. */
export function TagChip({ name, color }: { name: string; color?: string | null }) {
  const c = color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : "#57534e";
  return (
    <span
      className="inline-flex max-w-full items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium text-stone-800 dark:text-stone-100"
      style={{ backgroundColor: `${c}1a`, borderColor: `${c}59` }}
    >
      <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: c }} />
      <span dir="auto" className="truncate">
        {name}
      </span>
    </span>
  );
}
