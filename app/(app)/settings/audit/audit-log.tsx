"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { ScrollText } from "lucide-react";
import { useState } from "react";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { EmptyState } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { FilterSelect, TextFilter } from "@/components/ui/status-filter";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";
import type { AuditEventView } from "@/lib/audit/list-audit-events";
import { queryKeys } from "@/lib/ui/query-keys";

const PERIODS = { "last hour": 3_600_000, "last 24 hours": 86_400_000, "last 7 days": 7 * 86_400_000 } as const;
type Period = keyof typeof PERIODS;

const column = createColumnHelper<AuditEventView>();
const columns = [
  column.accessor("created_at", { header: "When", cell: (info) => <RelativeTime value={info.getValue()} /> }),
  column.accessor((event) => event.actor.login ?? event.actor.user_id ?? "—", {
    id: "actor",
    header: "Who",
    cell: (info) => <span className="font-medium">{info.getValue()}</span>,
  }),
  column.accessor("action", { header: "Action", cell: (info) => <code className="text-xs font-medium">{info.getValue()}</code> }),
  column.accessor("target", { header: "Target", cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span> }),
  column.display({
    id: "from",
    header: "From",
    cell: (info) => (
      <span className="text-xs" title={info.row.original.user_agent ?? undefined}>
        {info.row.original.ip ?? "unknown address"}
      </span>
    ),
  }),
  column.accessor("details", {
    header: "Details",
    cell: (info) => {
      const details = Object.entries(info.getValue());
      return details.length === 0 ? null : (
        <span className="line-clamp-2 max-w-80 font-mono text-xs text-muted-foreground">
          {details.map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`).join(" · ")}
        </span>
      );
    },
  }),
];

/** The audit log, newest first, by keyset pages; filters by who (login), action and period. */
export function AuditLog() {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState<string>("all");
  // The period's start is fixed when it is chosen, so the list's query key does not change on every render.
  const [period, setPeriod] = useState<{ name: Period | "all"; since?: string }>({ name: "all" });
  const settledActor = useDebouncedValue(actor.trim(), 300);
  const { query, rows } = useKeysetList<AuditEventView>({
    listKey: queryKeys.auditLog.list,
    path: "/api/v1/admin/audit-log",
    params: { actor: settledActor || undefined, action: action === "all" ? undefined : action, since: period.since },
    refetchInterval: 10_000,
  });
  const table = useDataTable({ data: rows, columns });
  const filtered = Boolean(settledActor) || action !== "all" || period.name !== "all";

  return (
    <section aria-label="Audit log" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-4">
        <TextFilter label="Filter by who" placeholder="GitHub login" className="w-48" value={actor} onChange={setActor} />
        <FilterSelect label="Action" options={AUDIT_ACTIONS} value={action} onChange={setAction} />
        <FilterSelect
          label="Period"
          options={Object.keys(PERIODS) as Period[]}
          value={period.name}
          onChange={(name) => setPeriod(name === "all" ? { name } : { name, since: new Date(Date.now() - PERIODS[name]).toISOString() })}
        />
      </div>
      <DataTable
        table={table}
        query={query}
        what="audit entries"
        testId="audit-log"
        empty={
          <EmptyState icon={ScrollText} title={filtered ? "No entries match" : "Nothing recorded yet"}>
            {filtered ? "Try another person, action or period." : "Admin actions and refused sign-ins appear here as they happen."}
          </EmptyState>
        }
      />
    </section>
  );
}
