import { useCallback, useRef, useState } from "react";

export interface GridCell {
  row: number;
  col: number;
}

/**
 * One tab stop for a list of rows of controls (roving tabindex): the arrow keys
 * move between rows (Up, Down, Home, End) and between a row's controls (Left,
 * Right); Tab leaves the list. Cells are marked `data-row` and `data-col`.
 */
export function useRovingGrid<T extends HTMLElement>(rows: number, cols: number) {
  const [active, setActive] = useState<GridCell>({ row: 0, col: 0 });
  const container = useRef<T | null>(null);

  const focusCell = useCallback((cell: GridCell) => {
    setActive(cell);
    container.current?.querySelector<HTMLElement>(`[data-row="${cell.row}"][data-col="${cell.col}"]`)?.focus();
  }, []);

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.dataset.row === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      const here = { row: Number(target.dataset.row), col: Number(target.dataset.col) };
      const moves: Record<string, GridCell> = {
        ArrowDown: { row: Math.min(rows - 1, here.row + 1), col: here.col },
        ArrowUp: { row: Math.max(0, here.row - 1), col: here.col },
        ArrowRight: { row: here.row, col: Math.min(cols - 1, here.col + 1) },
        ArrowLeft: { row: here.row, col: Math.max(0, here.col - 1) },
        Home: { row: 0, col: here.col },
        End: { row: rows - 1, col: here.col },
      };
      const next = moves[event.key];
      if (!next) return;
      event.preventDefault();
      focusCell(next);
    },
    [rows, cols, focusCell],
  );

  /** The props of one cell's control. */
  const cellProps = (row: number, col: number) => ({
    "data-row": row,
    "data-col": col,
    tabIndex: (active.row >= rows ? 0 : active.row) === row && active.col === col ? 0 : -1,
    onFocus: () => setActive({ row, col }),
  });

  return { container, onKeyDown, cellProps, focusCell };
}
