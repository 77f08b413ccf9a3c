"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Cog, FlaskConical, RotateCcw, X, XCircle } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { EmptyState } from "@/components/shell/empty-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { FormError } from "@/components/ui/form-message";
import { PendingButton } from "@/components/ui/pending-button";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { FilterSelect, StatusFilter } from "@/components/ui/status-filter";
import { ACTIVE_RUN_STATUSES, RUN_STATUSES as STATUSES } from "@/lib/jobs/embedded/run-status";
import type { JobRunStepView } from "@/lib/jobs/get-job-run";
import type { JobRunView } from "@/lib/jobs/job-run-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

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

/** A function the executor runs, for the filter: its id as runs carry it, and its name. */
export interface JobFunction {
  id: string;
  name: string;
}

/**
 * The runs, filtered by status and function, scheduled (cron) runs hidden unless asked for: they fire every
 * few minutes and bury the runs people look for. The selected run opens in a drawer at `?run=<id>`, so it
 * shows where the person is looking, survives a reload and can be linked to.
 */
export function JobRuns({ functions }: { functions: JobFunction[] }) {
  const [status, setStatus] = useState<(typeof STATUSES)[number] | "all">("all");
  const [functionId, setFunctionId] = useState<string>("all");
  const functionNames = new Map(functions.map((fn) => [fn.id, fn.name]));
  const [showScheduled, setShowScheduled] = useState(false);
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const selected = searchParams.get("run");
  const select = (runId: string | null) => router.push(runId ? `${pathname}?run=${runId}` : pathname, { scroll: false });
  const queryClient = useQueryClient();

  const { query: runs, rows } = useKeysetList<JobRunView>({
    listKey: queryKeys.jobRuns.list,
    path: "/api/v1/admin/jobs",
    params: {
      status: status === "all" ? undefined : status,
      function_id: functionId === "all" ? undefined : functionId,
      trigger: showScheduled ? undefined : "event",
    },
    refetchInterval: 2000,
  });
  const selfTest = useMutation({
    mutationFn: () => apiFetch("/api/v1/admin/jobs/self-test", { method: "POST", body: JSON.stringify({ pauseSeconds: 2 }) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.jobRuns.all }),
  });

  const table = useDataTable({ data: rows, columns });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-4">
        <StatusFilter statuses={STATUSES} value={status} onChange={setStatus} />
        <FilterSelect
          label="Function"
          options={functions.map((fn) => fn.id)}
          optionLabel={(id) => functionNames.get(id) ?? id}
          value={functionId}
          onChange={setFunctionId}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-primary"
            checked={showScheduled}
            onChange={(event) => setShowScheduled(event.target.checked)}
          />
          Show scheduled runs
        </label>
        <PendingButton
          className="ml-auto"
          variant="outline"
          onClick={() => selfTest.mutate()}
          pending={selfTest.isPending}
          icon={FlaskConical}
        >
          Run self-test
        </PendingButton>
      </div>
      <FormError>{selfTest.error?.message}</FormError>

      <DataTable
        table={table}
        query={runs}
        what="runs"
        testId="job-runs"
        onRowSelect={select}
        empty={
          <EmptyState icon={Cog} title={status === "all" ? "No runs yet" : `No ${status} runs`}>
            Runs appear here as background work happens. Try “Run self-test”
            {showScheduled ? "." : ", or show scheduled runs."}
          </EmptyState>
        }
      />
      {selected && <RunDrawer key={selected} runId={selected} onClose={() => select(null)} />}
    </div>
  );
}

/** The selected run in a drawer over the list's right side: status, retry/cancel, steps with timings, trigger event and output. */
function RunDrawer({ runId, onClose }: { runId: string; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves into the drawer when it opens, so keyboard and screen-reader users land on it; Escape closes it.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: queryKeys.jobRuns.detail(runId),
    queryFn: () => apiFetch<RunDetail>(`/api/v1/admin/jobs/${runId}`),
    refetchInterval: 2000,
  });
  const change = useMutation({
    mutationFn: (action: "retry" | "cancel") => apiFetch<RunDetail>(`/api/v1/admin/jobs/${runId}/${action}`, { method: "POST" }),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.jobRuns.detail(runId), data);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobRuns.all });
    },
  });
  const detail = run.data;
  const active = detail && (ACTIVE_RUN_STATUSES as readonly string[]).includes(detail.status);

  return (
    <Card
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-2xl flex-col gap-4 overflow-y-auto rounded-none border-y-0 border-r-0 p-6 shadow-2xl"
      role="region"
      aria-label="Run details"
    >
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold break-words focus:outline-none">
            {detail?.function_id ?? "Run"}
          </h2>
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
              {active && detail.attempt > 1 && `attempt ${detail.attempt} · `}started <RelativeTime value={detail.created_at} />
              {detail.started_at && <> · took {duration(detail)}</>}
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
          <FormError announce={false}>{change.error?.message}</FormError>
          {detail.error && (
            <Alert variant="error" size="compact" announce={false}>
              <pre className="overflow-x-auto text-xs">
                {detail.error.name ? `${detail.error.name}: ` : ""}
                {detail.error.message}
              </pre>
            </Alert>
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
                    {step.duration_ms === null ? "—" : `${step.duration_ms} ms`}
                    {step.attempt > 1 && ` · attempt ${step.attempt}`}
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
