import { flexRender, type Table } from "@tanstack/react-table";
import { Fragment, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";
import { cn } from "@/lib/ui/cn";

type ListQuery = {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: Error | null;
  /** Absent for a list that comes whole (not paginated). */
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => unknown;
};

/**
 * A list as a table: loading and error states, `empty` when there are no rows, and, for a keyset-paginated
 * list, "Load more" while the server has another page. Rows are selectable when `onRowSelect` is given; with
 * `renderExpanded` (and a table from `useDataTable({ expandable: true })`), selecting a row opens it in place
 * and shows `renderExpanded` underneath, unless `onRowSelect` says otherwise.
 */
export function DataTable<T>({
  table,
  query,
  what,
  empty,
  testId,
  onRowSelect: selectRow,
  renderExpanded,
}: {
  table: Table<T>;
  query: ListQuery;
  what: string;
  empty: ReactNode;
  testId?: string;
  onRowSelect?: (rowId: string) => void;
  renderExpanded?: (row: T) => ReactNode;
}) {
  const onRowSelect = selectRow ?? (renderExpanded ? (rowId: string) => table.getRow(rowId).toggleExpanded() : undefined);
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;
  return (
    <>
      {/* A table wider than the page scrolls inside its card (its actions stay reachable); the page never widens.
          `relative` keeps absolutely placed cells' content (sr-only headers) inside the scroll, not widening the page. */}
      <Card className="relative overflow-x-auto">
        <QueryStatus query={query} what={what} className="p-6" />
        {query.isSuccess && rows.length === 0 && empty}
        {rows.length > 0 && (
          <table
            className="w-full text-sm [&_td]:wrap-anywhere"
            data-testid={testId}
            // Rows that open in place say so with aria-expanded, which ARIA allows on a treegrid's rows only.
            role={renderExpanded ? "treegrid" : undefined}
          >
            <thead className="bg-muted/50 text-left text-muted-foreground">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} className="px-4 py-2 font-medium whitespace-nowrap">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.map((row) => {
                const expanded = renderExpanded && row.getIsExpanded();
                return (
                  <Fragment key={row.id}>
                    <tr
                      className={cn(
                        "border-t border-border",
                        onRowSelect &&
                          "cursor-pointer hover:bg-muted/40 focus-visible:bg-muted/40 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
                        expanded && "bg-muted/40",
                      )}
                      tabIndex={onRowSelect ? 0 : undefined}
                      aria-expanded={renderExpanded ? Boolean(expanded) : undefined}
                      onClick={onRowSelect && (() => onRowSelect(row.id))}
                      onKeyDown={
                        onRowSelect &&
                        ((event) => {
                          // Enter or Space on the row itself, as on a button; a link or button inside keeps its own keys.
                          if (event.target !== event.currentTarget || (event.key !== "Enter" && event.key !== " ")) return;
                          event.preventDefault();
                          onRowSelect(row.id);
                        })
                      }
                    >
                      {row.getVisibleCells().map((cell) => (
                        <td key={cell.id} className="px-4 py-2">
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      ))}
                    </tr>
                    {expanded && (
                      <tr className="bg-muted/20">
                        <td colSpan={columnCount} className="px-4 pt-1 pb-4">
                          {renderExpanded(row.original)}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      {query.hasNextPage && (
        <Button variant="outline" className="self-center" onClick={() => query.fetchNextPage?.()} disabled={query.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </>
  );
}
