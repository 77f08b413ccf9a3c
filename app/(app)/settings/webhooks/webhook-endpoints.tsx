"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { BookOpen, History, Pause, Play, RefreshCw, Send, Webhook, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { z } from "zod";

import { useDataTable } from "@/components/hooks/use-data-table";
import { usePostAction } from "@/components/hooks/use-post-action";
import { useWebhookEndpoints, type EndpointView } from "@/components/hooks/use-webhook-endpoints";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { PendingButton } from "@/components/ui/pending-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ReloadResult } from "@/lib/outbound/current-endpoints";
import type { ConfigProblem } from "@/lib/outbound/endpoints-config";
import { ApiClientError, apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

const NO_ENDPOINTS: EndpointView[] = [];
const problemsSchema = z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional() }));

const column = createColumnHelper<EndpointView>();
const columns = [
  column.accessor("id", {
    header: "Endpoint",
    cell: (info) => (
      <div className="flex max-w-64 flex-col gap-0.5">
        <span className="font-medium">{info.getValue()}</span>
        <code className="text-xs break-all">{info.row.original.url}</code>
        {info.row.original.description && <span className="text-xs text-muted-foreground">{info.row.original.description}</span>}
      </div>
    ),
  }),
  column.accessor("events", {
    header: "Events",
    cell: (info) => (
      <ul className="flex max-w-48 flex-wrap gap-1" aria-label="Events">
        {info.getValue().map((event) => (
          <li key={event}>
            <Badge variant="outline" className="font-mono font-normal">
              {event}
            </Badge>
          </li>
        ))}
      </ul>
    ),
  }),
  column.display({ id: "options", header: "Options", cell: (info) => <EndpointOptions endpoint={info.row.original} /> }),
  column.accessor("enabled", {
    header: "In YAML",
    cell: (info) => <StatusBadge status={info.getValue() ? "enabled" : "disabled"} />,
  }),
  column.accessor("paused", { header: "Runtime", cell: (info) => <RuntimeState endpoint={info.row.original} /> }),
  column.accessor("consecutive_failures", {
    header: "Failures",
    cell: (info) => (
      <span title="Deliveries failed in a row" className={info.getValue() > 0 ? "font-medium text-destructive" : "text-muted-foreground"}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor("secret_name", {
    header: "Secret",
    cell: (info) => (
      <div className="flex flex-col items-start gap-1">
        <code className="text-xs">{info.getValue()}</code>
        {info.row.original.rotating_secret && (
          <Badge variant="warning" title="Deliveries carry signatures with the current and the previous secret">
            rotating
          </Badge>
        )}
      </div>
    ),
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: (info) => <EndpointActions endpoint={info.row.original} />,
  }),
];

/** Endpoints from webhooks.yaml with their runtime state; reload the file, test, pause and resume endpoints. */
export function WebhookEndpoints({ configPath }: { configPath: string }) {
  // Failure streaks and automatic pauses change without anyone here pressing a button.
  const endpoints = useWebhookEndpoints({ refetchInterval: 5000 });
  const reload = usePostAction<ReloadResult>("/api/v1/admin/webhooks/reload", [queryKeys.webhookEndpoints], { refreshOnError: true });
  const table = useDataTable({ data: endpoints.data?.data ?? NO_ENDPOINTS, columns });
  const warnings = endpoints.data?.warnings ?? [];

  return (
    <>
      <PageHeader
        title="Outbound webhooks"
        description={`Endpoints are read from ${configPath}. Edit the file, then reload it: a file with errors is refused as a whole and the running endpoints stay.`}
        actions={
          <div className="flex shrink-0 gap-2">
            <Button variant="outline" asChild>
              <Link href="/settings/webhooks/event-types">
                <BookOpen />
                Event catalogue
              </Link>
            </Button>
            <PendingButton onClick={() => reload.mutate()} pending={reload.isPending} icon={RefreshCw}>
              Reload configuration
            </PendingButton>
          </div>
        }
      />
      <div className="flex flex-col gap-4">
        {reload.isSuccess && (
          <Alert variant="success" onDismiss={reload.reset} data-testid="reload-result">
            <ReloadDiff result={reload.data} />
          </Alert>
        )}
        {reload.error && (
          <Alert variant="error" onDismiss={reload.reset} data-testid="reload-result">
            <p className="font-medium">{reload.error.message}</p>
            {reload.error instanceof ApiClientError && <ProblemList problems={problemsSchema.safeParse(reload.error.details).data ?? []} />}
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert variant="warning" data-testid="config-warnings">
            <p className="font-medium">Configuration warnings</p>
            <ProblemList problems={warnings} />
          </Alert>
        )}
        <DataTable
          table={table}
          query={endpoints}
          what="endpoints"
          testId="webhook-endpoints"
          empty={
            <EmptyState icon={Webhook} title="No endpoints configured">
              Copy <code className="text-xs">config/webhooks.yaml.example</code> to <code className="text-xs">{configPath}</code>, add your
              endpoints, then press Reload configuration.
            </EmptyState>
          }
        />
      </div>
    </>
  );
}

function ReloadDiff({ result }: { result: ReloadResult }) {
  const lines = [
    ["Added", result.added],
    ["Removed", result.removed],
    ["Changed", result.changed],
  ] as const;
  const changes = lines.filter(([, ids]) => ids.length > 0);
  return (
    <>
      <p className="font-medium">Configuration reloaded.</p>
      {changes.length === 0 ? (
        <p>No endpoint changed ({result.unchanged.length} unchanged).</p>
      ) : (
        <dl className="mt-1 flex flex-col gap-1">
          {changes.map(([label, ids]) => (
            <div key={label} className="flex flex-wrap items-center gap-2">
              <dt>{label}:</dt>
              {ids.map((id) => (
                <dd key={id}>
                  <code className="rounded bg-card/70 px-1.5 py-0.5 text-xs">{id}</code>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** Problems in webhooks.yaml, each with where it is: `endpoints[0].url (line 3): expected an https:// URL`. */
function ProblemList({ problems }: { problems: ConfigProblem[] }) {
  return (
    <ul className="mt-1 flex list-disc flex-col gap-1 pl-5">
      {problems.map((problem, index) => (
        <li key={`${problem.path}-${index}`}>
          <code className="text-xs font-medium">{problem.path}</code>
          {problem.line !== undefined && <span className="opacity-80"> (line {problem.line})</span>}: {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** Paused (by an admin, a 410, or a failure streak) with why and since when; otherwise active unless disabled in the YAML. */
function RuntimeState({ endpoint }: { endpoint: EndpointView }) {
  if (!endpoint.paused) return endpoint.enabled ? <StatusBadge status="active" /> : <span className="text-muted-foreground">—</span>;
  return (
    <div className="flex max-w-48 flex-col items-start gap-1">
      <StatusBadge status="paused" />
      <p className="text-xs text-muted-foreground">
        {endpoint.paused_reason} · <RelativeTime value={endpoint.paused_at} />
      </p>
    </div>
  );
}

function EndpointActions({ endpoint }: { endpoint: EndpointView }) {
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: (name: "test" | "pause" | "resume") =>
      apiFetch(`/api/v1/admin/webhooks/endpoints/${encodeURIComponent(endpoint.id)}/${name}`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints }),
  });
  const actionButton = (name: "test" | "pause" | "resume", icon: LucideIcon, label: string, ariaLabel: string, disabled = false) => (
    <PendingButton
      variant="outline"
      size="sm"
      aria-label={ariaLabel}
      pending={action.isPending && action.variables === name}
      icon={icon}
      disabled={disabled || action.isPending}
      onClick={() => action.mutate(name)}
    >
      {label}
    </PendingButton>
  );

  return (
    <div className="flex w-40 flex-col items-stretch gap-1.5">
      {actionButton("test", Send, "Send test event", `Send test event to ${endpoint.id}`, !endpoint.enabled)}
      {endpoint.paused
        ? actionButton("resume", Play, "Resume", `Resume ${endpoint.id}`)
        : actionButton("pause", Pause, "Pause", `Pause ${endpoint.id}`)}
      <Button variant="ghost" size="sm" asChild>
        <Link href={`/deliveries?endpoint_id=${encodeURIComponent(endpoint.id)}`}>
          <History />
          View deliveries
        </Link>
      </Button>
      {action.isSuccess && action.variables === "test" && <FormSuccess className="justify-center text-xs">Test event queued</FormSuccess>}
      <FormError className="text-xs">{action.error?.message}</FormError>
    </div>
  );
}

/** ordering, rate limit, filter and extra headers from webhooks.yaml (header values are never shown). */
function EndpointOptions({ endpoint }: { endpoint: EndpointView }) {
  const filters = Object.entries(endpoint.filter);
  return (
    <dl className="grid max-w-64 grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs" aria-label="Options">
      <dt className="text-muted-foreground">Ordering</dt>
      <dd>{endpoint.ordering === "strict" ? "strict" : `none, ${endpoint.max_in_flight} in flight`}</dd>
      <dt className="text-muted-foreground">Rate</dt>
      <dd>{endpoint.rate_limit_per_second === null ? "unlimited" : `${endpoint.rate_limit_per_second}/s`}</dd>
      {filters.length > 0 && (
        <>
          <dt className="text-muted-foreground">Filter</dt>
          <dd className="font-mono break-all">{filters.map(([path, values]) => `${path} = ${values.join(" | ")}`).join("; ")}</dd>
        </>
      )}
      {endpoint.headers.length > 0 && (
        <>
          <dt className="text-muted-foreground">Headers</dt>
          <dd className="font-mono break-all">
            {endpoint.headers.map((header) => (header.secret ? `${header.name} (secret ${header.secret})` : header.name)).join(", ")}
          </dd>
        </>
      )}
    </dl>
  );
}
