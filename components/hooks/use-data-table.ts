"use client";

import { getCoreRowModel, useReactTable, type ExpandedState, type TableOptions } from "@tanstack/react-table";
import { useState } from "react";

/**
 * The TanStack table behind every list's `DataTable`: rows keyed by their `id`, and with `expandable`, rows
 * that open in place (the table keeps which are open). `data` must be a stable array (TanStack Table
 * re-renders endlessly when it is a new one on every render).
 */
export function useDataTable<T extends { id: string }>({
  data,
  columns,
  expandable = false,
}: {
  data: T[];
  columns: TableOptions<T>["columns"];
  expandable?: boolean;
}) {
  const [expanded, setExpanded] = useState<ExpandedState>({});
  // The React Compiler is not enabled here, so TanStack Table's unmemoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    ...(expandable ? { state: { expanded }, onExpandedChange: setExpanded, getRowCanExpand: () => true } : {}),
  });
}
