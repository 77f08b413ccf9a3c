"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Cog, FlaskConical, Loader2, RotateCcw, X, XCircle } from "lucide-react";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/shell/empty-state";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { JobRunStepView } from "@/lib/jobs/get-job-run";
import type { JobRunView } from "@/lib/jobs/job-run-view";
import { apiFetch } from "@/lib/ui/api-client";

const STATUSES = ["all", "queued", "running", "sleeping", "waiting", "completed", "failed", "cancelled"] as const;
type Page = { data: JobRunView[]; next_cursor: string | null };
type RunDetail = JobRunView & { event: unknown; steps: JobRunStepView[] };

const column = createColumnHelper<JobRunView>();
const columns = [
  column.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> }),
  column.accessor("function_id", { header: "Function", cell: (info) => <span className="font-medium">{info.getValue()}</span> }),
  column.accessor("event_name", { header: "Trigger", cell: (info) => <code className="text-xs">{info.getValue()}</code> }),
  column.accessor("created_at", { header: "Started", cell: (info) => <RelativeTime value={info.getValue()} /> }),
  column.display({ id: "duration", header: "Duration", cell: (info) => duration(info.row.original) }),
];

function duration(run: Pick<JobRunView, "started_at" | "ended_at">) {
  if (!run.started_at) return <span className="text-muted-foreground">—</span>;
  const ms = new Date(run.ended_at ?? Date.now()).getTime() - new Date(run.started_at).getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function JobRuns() {
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("all");
  const [selected, setSelected] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const runs = useInfiniteQuery({
    queryKey: ["job-runs", status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: "25" });
      if (status !== "all") params.set("status", status);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<Page>(`/api/v1/admin/jobs?${params}`);
    },
    getNextPageParam: (last) => last.next_cursor,
    refetchInterval: 2000,
  });
  const selfTest = useMutation({
    mutationFn: () => apiFetch("/api/v1/admin/jobs/self-test", { method: "POST", body: JSON.stringify({ pauseSeconds: 2 }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["job-runs"] }),
  });

  // A stable array: TanStack Table re-renders endlessly when `data` is a new array on every render.
  const rows = useMemo(() => runs.data?.pages.flatMap((page) => page.data) ?? [], [runs.data]);
  // The React Compiler is not enabled here, so TanStack Table's unmemoizable API is fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-4">
        <label className="flex items-center gap-2 text-sm">
          Status
          <select
            aria-label="Filter by status"
            className="h-9 rounded-md border border-border bg-background px-2 text-sm"
            value={status}
            onChange={(event) => setStatus(event.target.value as (typeof STATUSES)[number])}
          >
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        <Button variant="outline" onClick={() => selfTest.mutate()} disabled={selfTest.isPending}>
          {selfTest.isPending ? <Loader2 className="animate-spin" /> : <FlaskConical />}
          Run self-test
        </Button>
      </div>
      {selfTest.error && (
        <p role="alert" className="text-sm text-destructive">
          {selfTest.error.message}
        </p>
      )}

      <Card className="overflow-hidden">
        <QueryStatus query={runs} what="runs" className="p-6" />
        {runs.isSuccess && rows.length === 0 && (
          <EmptyState icon={Cog} title={status === "all" ? "No runs yet" : `No ${status} runs`}>
            Runs appear here as background work happens. Try “Run self-test”.
          </EmptyState>
        )}
        {rows.length > 0 && (
          <table className="w-full text-sm" data-testid="job-runs">
            <thead className="bg-muted/50 text-left text-muted-foreground">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <th key={header.id} className="px-4 py-2 font-medium">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map((row) => (
                <tr
                  key={row.id}
                  tabIndex={0}
                  className="cursor-pointer border-t border-border hover:bg-muted/40 focus:bg-muted/40 focus:outline-none"
                  onClick={() => setSelected(row.id)}
                  onKeyDown={(event) => event.key === "Enter" && setSelected(row.id)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-2">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {runs.hasNextPage && (
        <Button variant="outline" className="self-center" onClick={() => runs.fetchNextPage()} disabled={runs.isFetchingNextPage}>
          Load more
        </Button>
      )}
      {selected && <RunPanel runId={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

/** The selected run: status, retry/cancel, steps with timings, trigger event and output. */
function RunPanel({ runId, onClose }: { runId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: ["job-run", runId],
    queryFn: () => apiFetch<RunDetail>(`/api/v1/admin/jobs/${runId}`),
    refetchInterval: 2000,
  });
  const change = useMutation({
    mutationFn: (action: "retry" | "cancel") => apiFetch<RunDetail>(`/api/v1/admin/jobs/${runId}/${action}`, { method: "POST" }),
    onSuccess: (data) => {
      queryClient.setQueryData(["job-run", runId], data);
      void queryClient.invalidateQueries({ queryKey: ["job-runs"] });
    },
  });
  const detail = run.data;
  const active = detail && ["queued", "running", "sleeping", "waiting"].includes(detail.status);

  return (
    <Card className="flex flex-col gap-4 p-6" role="region" aria-label="Run details">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold">{detail?.function_id ?? "Run"}</h2>
          <p className="font-mono text-xs text-muted-foreground">{runId}</p>
        </div>
        <Button variant="ghost" size="icon" aria-label="Close run details" onClick={onClose}>
          <X />
        </Button>
      </div>
      <QueryStatus query={run} what="the run" />
      {detail && (
        <div className="flex flex-col gap-5 text-sm" data-testid="job-run-detail">
          <div className="flex items-center gap-3">
            <StatusBadge status={detail.status} />
            <span className="text-muted-foreground">
              attempt {detail.attempt} · started <RelativeTime value={detail.created_at} />
            </span>
            <div className="ml-auto flex gap-2">
              {(detail.status === "failed" || detail.status === "cancelled") && (
                <Button size="sm" onClick={() => change.mutate("retry")} disabled={change.isPending}>
                  <RotateCcw /> Retry
                </Button>
              )}
              {active && (
                <Button size="sm" variant="destructive" onClick={() => change.mutate("cancel")} disabled={change.isPending}>
                  <XCircle /> Cancel
                </Button>
              )}
            </div>
          </div>
          {change.error && <p className="text-destructive">{change.error.message}</p>}
          {detail.error && (
            <pre className="overflow-x-auto rounded-md bg-red-50 p-3 text-xs text-red-900">
              {detail.error.name ? `${detail.error.name}: ` : ""}
              {detail.error.message}
            </pre>
          )}
          <section>
            <h3 className="mb-2 font-semibold">Steps</h3>
            {detail.steps.length === 0 && <p className="text-muted-foreground">No steps yet.</p>}
            <ol className="flex flex-col gap-1" data-testid="job-run-steps">
              {detail.steps.map((step, index) => (
                <li key={`${step.step_id}-${index}`} className="flex items-center gap-3 rounded-md border border-border px-3 py-2">
                  <StatusBadge status={step.status} />
                  <span className="font-medium">{step.name}</span>
                  <span className="text-xs text-muted-foreground">{step.op}</span>
                  <span className="ml-auto text-xs text-muted-foreground">
                    {step.duration_ms === null ? "—" : `${step.duration_ms} ms`} · attempt {step.attempt}
                  </span>
                </li>
              ))}
            </ol>
          </section>
          <section>
            <h3 className="mb-2 font-semibold">Trigger event</h3>
            <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(detail.event, null, 2)}</pre>
          </section>
          {detail.output !== null && (
            <section>
              <h3 className="mb-2 font-semibold">Output</h3>
              <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs">{JSON.stringify(detail.output, null, 2)}</pre>
            </section>
          )}
        </div>
      )}
    </Card>
  );
}
