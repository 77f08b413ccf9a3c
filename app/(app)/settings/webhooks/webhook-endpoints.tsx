"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Activity, BookOpen, RefreshCw, Webhook } from "lucide-react";
import Link from "next/link";

import { useDataTable } from "@/components/hooks/use-data-table";
import { usePostAction } from "@/components/hooks/use-post-action";
import { useWebhookEndpoints, type ConfigStatus, type EndpointView } from "@/components/hooks/use-webhook-endpoints";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PendingButton } from "@/components/ui/pending-button";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ReloadResult } from "@/lib/outbound/current-endpoints";
import type { ConfigProblem } from "@/lib/outbound/endpoints-config";
import { ApiClientError } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { EndpointActions, EndpointEvents, EndpointOptions, RuntimeState } from "./endpoint-parts";

const NO_ENDPOINTS: EndpointView[] = [];

const column = createColumnHelper<EndpointView>();
const columns = [
  column.accessor("id", {
    header: "Endpoint",
    cell: (info) => (
      <div className="flex max-w-64 min-w-40 flex-col gap-0.5">
        <Link
          href={`/settings/webhooks/endpoints/${encodeURIComponent(info.getValue())}`}
          className="font-medium text-primary hover:underline"
        >
          {info.getValue()}
        </Link>
        <code className="text-xs break-all">{info.row.original.url}</code>
        {info.row.original.description && <span className="text-xs text-muted-foreground">{info.row.original.description}</span>}
      </div>
    ),
  }),
  column.accessor("events", {
    header: "Events",
    cell: (info) => <EndpointEvents events={info.getValue()} className="max-w-48" />,
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
        {!info.row.original.secrets_resolved && (
          <Badge variant="warning" title="Not found: needed before the endpoint is enabled">
            not found
          </Badge>
        )}
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
    cell: (info) => (
      <div className="flex w-40 flex-col items-stretch gap-1.5">
        <EndpointActions endpoint={info.row.original} className="flex-col items-stretch" />
        <Button variant="ghost" size="sm" asChild>
          <Link
            href={`/settings/webhooks/endpoints/${encodeURIComponent(info.row.original.id)}`}
            aria-label={`Details of ${info.row.original.id}`}
          >
            <Activity />
            Details and deliveries
          </Link>
        </Button>
      </div>
    ),
  }),
];

/** Endpoints from webhooks.yaml with their runtime state; reload the file; each endpoint opens on its own page. */
export function WebhookEndpoints({ configPath }: { configPath: string }) {
  // Failure streaks and automatic pauses change without anyone here pressing a button.
  const endpoints = useWebhookEndpoints({ refetchInterval: 5000 });
  const reload = usePostAction<ReloadResult>("/api/v1/admin/webhooks/reload", [queryKeys.webhookEndpoints], { refreshOnError: true });
  const table = useDataTable({ data: endpoints.data?.data ?? NO_ENDPOINTS, columns });
  const config = endpoints.data?.config;

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
        {config && <ConfigStatusBlock config={config} warnings={endpoints.data?.warnings ?? []} reload={reload} />}
        <DataTable
          table={table}
          query={endpoints}
          what="endpoints"
          testId="webhook-endpoints"
          empty={<NoEndpoints state={config?.state ?? "missing"} configPath={configPath} />}
        />
      </div>
    </>
  );
}

/**
 * One message about the file as it is now: refused (its errors; the running endpoints stay), just reloaded
 * (what changed), or loaded with warnings. A refusal's 422 is not repeated: the status already says it.
 */
function ConfigStatusBlock({
  config,
  warnings,
  reload,
}: {
  config: ConfigStatus;
  warnings: ConfigProblem[];
  reload: ReturnType<typeof usePostAction<ReloadResult>>;
}) {
  if (reload.error && !(reload.error instanceof ApiClientError && reload.error.code === "invalid_webhooks_config")) {
    return (
      <Alert variant="error" onDismiss={reload.reset} data-testid="config-status" data-state="reload-failed">
        <p className="font-medium">{reload.error.message}</p>
      </Alert>
    );
  }
  if (config.state === "invalid") {
    return (
      <Alert variant="error" data-testid="config-status" data-state="invalid">
        <p className="font-medium">
          webhooks.yaml has {config.errors.length} error{config.errors.length === 1 ? "" : "s"}: fix{" "}
          {config.errors.length === 1 ? "it" : "them"} and press Reload configuration. Until then the endpoints below keep running as they
          were.
        </p>
        <ProblemList problems={config.errors} />
      </Alert>
    );
  }
  if (config.state === "loaded" && reload.isSuccess) {
    return (
      <Alert variant="success" onDismiss={reload.reset} data-testid="config-status" data-state="reloaded">
        <ReloadDiff result={reload.data} />
        {warnings.length > 0 && <ProblemList problems={warnings} />}
      </Alert>
    );
  }
  if (config.state === "loaded" && warnings.length > 0) {
    return (
      <Alert variant="warning" data-testid="config-status" data-state="warnings">
        <p className="font-medium">Configuration warnings</p>
        <ProblemList problems={warnings} />
      </Alert>
    );
  }
  return null;
}

/** What to do next, for the file as it is: none yet, refused, or listing no endpoints. */
function NoEndpoints({ state, configPath }: { state: ConfigStatus["state"]; configPath: string }) {
  if (state === "invalid")
    return (
      <EmptyState icon={Webhook} title="No endpoints running">
        Fix the errors above in <code className="text-xs">{configPath}</code>, then press Reload configuration.
      </EmptyState>
    );
  if (state === "loaded")
    return (
      <EmptyState icon={Webhook} title="The file lists no endpoints">
        Add an endpoint to <code className="text-xs">{configPath}</code>, then press Reload configuration.
      </EmptyState>
    );
  return (
    <EmptyState icon={Webhook} title="No endpoints file yet">
      <p>
        Copy <code className="text-xs">config/webhooks.yaml.example</code> to <code className="text-xs">{configPath}</code> and press Reload
        configuration: its endpoints start disabled, so it loads as it is. Then set your URLs and secrets and enable them.
      </p>
      <p className="mt-2">
        To try it out on this machine without a restart: run <code className="text-xs">npm run webhooks:receiver</code> and enable the
        example&apos;s <code className="text-xs">local</code> endpoint (<code className="text-xs">allow_loopback: true</code>).
      </p>
    </EmptyState>
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
