import type { ReactNode } from "react";

import { RelativeTime } from "@/components/ui/relative-time";

/** A small table inside a card: a header row naming the `columns` (an empty name leaves its cell blank), then the rows. */
export function SimpleTable({ columns, testId, children }: { columns: readonly string[]; testId: string; children: ReactNode }) {
  return (
    <table className="w-full text-sm [&_td]:wrap-anywhere" data-testid={testId}>
      <thead className="text-left text-muted-foreground">
        <tr className="border-b border-border">
          {columns.map((column, index) =>
            column ? (
              <th key={`${index}-${column}`} className="py-2 pr-2 font-medium whitespace-nowrap">
                {column}
              </th>
            ) : (
              <th key={`${index}-${column}`} />
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** One row of a `SimpleTable`, ruled off from the next. */
export function SimpleTableRow({ children }: { children: ReactNode }) {
  return <tr className="border-b border-border last:border-0">{children}</tr>;
}

/** A cell of a `SimpleTable` row that says when, relative to now. */
export function SimpleTableTimeCell({ value }: { value: string | null }) {
  return (
    <td className="py-2">
      <RelativeTime value={value} />
    </td>
  );
}
