import { createColumnHelper } from "@tanstack/react-table";
import { ChevronDown, ChevronRight } from "lucide-react";

import { StatusBadge } from "@/components/ui/status-badge";

/** The leading chevron of a table whose rows open in place; `label` names what opening shows. */
export function expandColumn<T>(label: string) {
  return createColumnHelper<T>().display({
    id: "expand",
    header: () => <span className="sr-only">{label}</span>,
    cell: (info) => {
      const Icon = info.row.getIsExpanded() ? ChevronDown : ChevronRight;
      return <Icon className="size-4 text-muted-foreground" />;
    },
  });
}

/** A `status` column shown as a coloured badge. */
export function statusColumn<T extends { status: string }>() {
  return createColumnHelper<T>().display({
    id: "status",
    header: "Status",
    cell: (info) => <StatusBadge status={info.row.original.status} />,
  });
}
