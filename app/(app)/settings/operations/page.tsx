// /settings/operations (admin): the numbers /metrics exports, read by the same functions, for a person
// without Prometheus at hand. Refreshes on each visit.
import type { Metadata } from "next";
import type { ReactNode } from "react";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageShell } from "@/components/shell/page-shell";
import { SectionCard } from "@/components/ui/card";
import { SimpleTable, SimpleTableRow } from "@/components/ui/simple-table";
import { getDb } from "@/db";
import { readOperationsSnapshot } from "@/lib/metrics/read-operations-snapshot";
import { getMetrics } from "@/lib/metrics/registry";

export const metadata: Metadata = { title: "Operations" };
export const dynamic = "force-dynamic";

function Rows({ rows, columns, testId, empty }: { rows: ReactNode[][]; columns: string[]; testId: string; empty: string }) {
  if (!rows.length) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <SimpleTable columns={columns} testId={testId}>
      {rows.map((cells, index) => (
        <SimpleTableRow key={index}>
          {cells.map((cell, column) => (
            <td key={column} className={column === cells.length - 1 ? "py-2 text-right tabular-nums" : "py-2"}>
              {cell}
            </td>
          ))}
        </SimpleTableRow>
      ))}
    </SimpleTable>
  );
}

export default async function OperationsPage() {
  const session = await auth();
  if (session?.user.role !== "admin") return <AdminsOnly title="Operations">The operations numbers are for admins.</AdminsOnly>;
  const snapshot = await readOperationsSnapshot(await getDb());
  const rateLimit = (await getMetrics().githubRateLimitRemaining.get()).values;
  return (
    <PageShell title="Operations" description="What /metrics exports (hooksmith_* series), counted from the database now.">
      <SectionCard title="Outbound endpoints" description="Open deliveries (queue depth) and whether the endpoint is paused.">
        <Rows
          testId="operations-endpoints"
          columns={["Endpoint", "Paused", "Queue depth"]}
          empty="No endpoint has had a delivery yet."
          rows={snapshot.endpoints.map((row) => [row.endpointId, row.paused ? "paused" : "no", row.queueDepth])}
        />
      </SectionCard>
      <SectionCard title="Outbound deliveries" description="hooksmith_outbound_deliveries, by endpoint and status.">
        <Rows
          testId="operations-deliveries"
          columns={["Endpoint", "Status", "Deliveries"]}
          empty="No deliveries yet."
          rows={snapshot.deliveries.map((row) => [row.endpointId, row.status, row.n])}
        />
      </SectionCard>
      <SectionCard title="Inbound GitHub events" description="hooksmith_inbound_events, by event type and status.">
        <Rows
          testId="operations-inbound"
          columns={["Event type", "Status", "Events"]}
          empty="No inbound events yet."
          rows={snapshot.inbound.map((row) => [row.eventType, row.status, row.n])}
        />
      </SectionCard>
      <SectionCard title="Analyses" description="hooksmith_analyses, by the path that brought the result home.">
        <Rows
          testId="operations-analyses"
          columns={["Path", "Status", "Analyses"]}
          empty="No analyses yet."
          rows={snapshot.analyses.map((row) => [row.path, row.status, row.n])}
        />
      </SectionCard>
      <SectionCard title="Job runs" description="hooksmith_job_runs (embedded executor), by function and status.">
        <Rows
          testId="operations-jobs"
          columns={["Function", "Status", "Runs"]}
          empty="No job runs yet."
          rows={snapshot.jobRuns.map((row) => [row.functionId, row.status, row.n])}
        />
      </SectionCard>
      <SectionCard
        title="GitHub rate limit"
        description="hooksmith_github_rate_limit_remaining, as this instance's last GitHub answer said."
      >
        <Rows
          testId="operations-rate-limit"
          columns={["Resource", "Remaining"]}
          empty="This instance has not called GitHub since it started."
          rows={rateLimit.map((entry) => [String(entry.labels.resource), entry.value])}
        />
      </SectionCard>
    </PageShell>
  );
}
