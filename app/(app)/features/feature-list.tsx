"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Boxes, Search } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { EmptyState } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { Input } from "@/components/ui/input";
import { RelativeTime } from "@/components/ui/relative-time";
import { LevelBadge, StatusBadge } from "@/components/ui/status-badge";
import { StatusFilter } from "@/components/ui/status-filter";
import { FEATURE_STATUSES, type FeatureStatus } from "@/lib/features/feature-enums";
import type { FeatureView } from "@/lib/features/feature-view";
import { queryKeys } from "@/lib/ui/query-keys";

const column = createColumnHelper<FeatureView>();
const columns = [
  column.accessor("name", {
    header: "Name",
    cell: (info) => (
      <div className="max-w-md">
        <Link href={`/features/${info.row.original.id}`} className="font-medium text-primary hover:underline">
          {info.getValue()}
        </Link>
        <p className="truncate text-xs text-muted-foreground" title={info.row.original.description}>
          {info.row.original.description}
        </p>
      </div>
    ),
  }),
  column.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> }),
  column.accessor("priority", { header: "Priority", cell: (info) => <LevelBadge level={info.getValue()} /> }),
  column.accessor("repository", { header: "Repository", cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
  column.accessor("updated_at", { header: "Updated", cell: (info) => <RelativeTime value={info.getValue()} /> }),
];

/** Features, newest first; live while any of them is being analyzed. */
export function FeatureList() {
  const [status, setStatus] = useState<FeatureStatus | "all">("all");
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300);
  const { query: features, rows } = useKeysetList<FeatureView>({
    listKey: queryKeys.features.list,
    path: "/api/v1/features",
    params: { status: status === "all" ? undefined : status, q },
    refetchInterval: (loaded) => (loaded.some((feature) => feature.status === "analyzing") ? 2000 : false),
  });

  const table = useDataTable({ data: rows, columns });
  const filtered = status !== "all" || q !== "";

  return (
    <section aria-label="Features" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <StatusFilter statuses={FEATURE_STATUSES} value={status} onChange={setStatus} />
        <div className="relative w-72">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" />
          <Input
            type="search"
            aria-label="Search features"
            placeholder="Search name or repository"
            className="pl-8"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </div>
      <DataTable
        table={table}
        query={features}
        what="features"
        testId="features-table"
        empty={
          <EmptyState icon={Boxes} title={filtered ? "No features match" : "No features yet"}>
            {filtered ? "Try another status or search." : "Write one above; its analysis status shows here."}
          </EmptyState>
        }
      />
    </section>
  );
}
