import { Button } from "./button";

/**
 * The "Show more" under a list read a page at a time (while there is more):
 * busy while the next page loads. A polite live region says how many are
 * shown, also once the last page is in, for screen readers.
 */
export function ShowMore({ more, onClick, loading, shown }: { more: boolean; onClick: () => void; loading: boolean; shown: string }) {
  return (
    <>
      {more && (
        <div className="flex justify-center">
          <Button variant="secondary" size="sm" onClick={onClick} disabled={loading} aria-busy={loading}>
            {loading ? "Loading…" : "Show more"}
          </Button>
        </div>
      )}
      <p className="sr-only" aria-live="polite">
        {loading ? "Loading more" : shown}
      </p>
    </>
  );
}
