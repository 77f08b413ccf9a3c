"use client";

import type { ReactNode } from "react";

import { useWebhookEndpoint, type EndpointView } from "@/components/hooks/use-webhook-endpoints";
import { BackLink } from "@/components/shell/back-link";
import { DetailFallback } from "@/components/shell/detail-fallback";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import type { getEndpointStats } from "@/lib/outbound/get-endpoint-stats";

import { DeliveryLog } from "../../../../deliveries/delivery-log";
import { EndpointActions, EndpointEvents, EndpointOptions, RuntimeState } from "../../endpoint-parts";

type Stats = Awaited<ReturnType<typeof getEndpointStats>>;

/** One endpoint as Svix shows it: state and actions on top, its last 24 hours, its configuration, its recent deliveries. */
export function EndpointDetail({ id }: { id: string }) {
  const query = useWebhookEndpoint(id);
  if (!query.data)
    return (
      <DetailFallback
        query={query}
        backHref="/settings/webhooks"
        backLabel="Outbound webhooks"
        what="the endpoint"
        notFoundTitle="No such endpoint"
      >
        webhooks.yaml has no endpoint {JSON.stringify(id)} (any more).
      </DetailFallback>
    );
  const { endpoint, stats } = query.data;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <BackLink href="/settings/webhooks">Outbound webhooks</BackLink>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold tracking-tight break-all">{endpoint.id}</h1>
              <div className="flex flex-wrap items-start gap-2" data-testid="endpoint-state">
                <StatusBadge status={endpoint.enabled ? "enabled" : "disabled"} />
                <RuntimeState endpoint={endpoint} />
              </div>
            </div>
            <p className="mt-1 font-mono text-sm break-all text-muted-foreground">{endpoint.url}</p>
            {endpoint.description && <p className="mt-1 text-sm text-muted-foreground">{endpoint.description}</p>}
          </div>
          <EndpointActions endpoint={endpoint} className="flex-wrap items-center" />
        </div>
      </div>
      <EndpointHealth endpoint={endpoint} stats={stats} />
      <SectionCard
        title="Configuration"
        description="From webhooks.yaml: change it there and reload."
        contentClassName="flex flex-wrap gap-8"
      >
        <div className="flex flex-col gap-1 text-sm">
          <span className="text-xs text-muted-foreground">Events</span>
          <EndpointEvents events={endpoint.events} className="max-w-md" />
        </div>
        <div className="flex flex-col gap-1 text-sm">
          <span className="text-xs text-muted-foreground">Signing secret</span>
          <span className="flex items-center gap-2">
            <code className="text-xs">{endpoint.secret_name}</code>
            {!endpoint.secrets_resolved && <Badge variant="warning">not found</Badge>}
            {endpoint.rotating_secret && <Badge variant="warning">rotating</Badge>}
          </span>
        </div>
        <EndpointOptions endpoint={endpoint} />
      </SectionCard>
      <SectionCard
        title="Recent deliveries"
        description="Newest first; open one to see what was sent and what came back, and redeliver it."
      >
        <DeliveryLog fixedEndpoint={endpoint.id} />
      </SectionCard>
    </div>
  );
}

const percent = (rate: number) => `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)} %`;

/** Success rate, latency and counts over the last 24 hours, as tiles. */
function EndpointHealth({ endpoint, stats }: { endpoint: EndpointView; stats: Stats }) {
  const finished = stats.deliveries.succeeded + stats.deliveries.failed;
  return (
    <section aria-label={`Last ${stats.window_hours} hours`} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Tile label="Success rate" hint={`${stats.deliveries.succeeded} of ${finished} finished deliveries, last ${stats.window_hours} h`}>
        {stats.success_rate === null ? "—" : percent(stats.success_rate)}
      </Tile>
      <Tile label="Latency p50 / p95" hint={`${stats.attempts} attempt${stats.attempts === 1 ? "" : "s"}, last ${stats.window_hours} h`}>
        {stats.latency_ms.p50 === null ? "—" : `${stats.latency_ms.p50} / ${stats.latency_ms.p95} ms`}
      </Tile>
      <Tile label="Deliveries" hint={`${stats.deliveries.failed} failed · ${stats.deliveries.open} waiting or retrying`}>
        {stats.deliveries.total}
      </Tile>
      <Tile label="Failures in a row" hint={endpoint.paused ? "Deliveries wait while paused" : "Resets on a success"}>
        {endpoint.consecutive_failures}
      </Tile>
    </section>
  );
}

function Tile({ label, hint, children }: { label: string; hint: string; children: ReactNode }) {
  return (
    <div className="rounded-xl border border-border bg-card p-4" role="group" aria-label={label}>
      <p className="text-xs text-muted-foreground">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{children}</p>
      <p className="mt-1 text-xs text-muted-foreground">{hint}</p>
    </div>
  );
}
