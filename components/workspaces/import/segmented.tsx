/** A row of radio buttons that reads as one control with a choice highlighted. */
export function Segmented<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  hideLegend = false,
  full = false,
}: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  hideLegend?: boolean;
  full?: boolean;
}) {
  return (
    <fieldset>
      <legend className={hideLegend ? "sr-only" : "text-sm font-medium text-stone-800 dark:text-stone-200"}>{legend}</legend>
      <div
        className={`${hideLegend ? "" : "mt-2"} ${full ? "grid w-full sm:inline-grid sm:w-auto" : "inline-grid"} rounded-md border border-stone-300 bg-white p-0.5 dark:border-stone-700 dark:bg-stone-900`}
        style={{ gridTemplateColumns: `repeat(${options.length}, minmax(0, 1fr))` }}
      >
        {options.map((o) => (
          <label
            key={o.value}
            className={`flex cursor-pointer items-center justify-center rounded px-3 py-1.5 text-center text-sm leading-tight has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-amber-600 ${
              value === o.value
                ? "bg-stone-900 text-white dark:bg-stone-100 dark:text-stone-900"
                : "text-stone-700 hover:bg-stone-100 dark:text-stone-300 dark:hover:bg-stone-800"
            }`}
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
