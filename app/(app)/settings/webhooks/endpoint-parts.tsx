"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pause, Play, Send, type LucideIcon } from "lucide-react";

import type { EndpointView } from "@/components/hooks/use-webhook-endpoints";
import { Badge } from "@/components/ui/badge";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { PendingButton } from "@/components/ui/pending-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { apiFetch } from "@/lib/ui/api-client";
import { cn } from "@/lib/ui/cn";
import { queryKeys } from "@/lib/ui/query-keys";

/** Paused (by an admin, a 410, or a failure streak) with why and since when; otherwise active unless disabled in the YAML. */
export function RuntimeState({ endpoint }: { endpoint: EndpointView }) {
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

/** Send test, pause and resume: on the endpoints list (stacked) and on an endpoint's own page (in a row). */
export function EndpointActions({ endpoint, className }: { endpoint: EndpointView; className?: string }) {
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: (name: "test" | "pause" | "resume") =>
      apiFetch(`/api/v1/admin/webhooks/endpoints/${encodeURIComponent(endpoint.id)}/${name}`, { method: "POST" }),
    onSuccess: () =>
      Promise.all([
        // The endpoint's page counts the test delivery too.
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookEndpoints }),
        queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries.all }),
      ]),
  });
  const actionButton = (name: "test" | "pause" | "resume", icon: LucideIcon, label: string, ariaLabel: string, disabled = false) => (
    <PendingButton
      variant="outline"
      size="sm"
      aria-label={ariaLabel}
      pending={action.isPending && action.variables === name}
      icon={icon}
      disabled={disabled || action.isPending}
      title={disabled ? "Disabled in webhooks.yaml" : undefined}
      onClick={() => action.mutate(name)}
    >
      {label}
    </PendingButton>
  );

  return (
    <div className={cn("flex gap-1.5", className)}>
      {actionButton("test", Send, "Send test event", `Send test event to ${endpoint.id}`, !endpoint.enabled)}
      {endpoint.paused
        ? actionButton("resume", Play, "Resume", `Resume ${endpoint.id}`)
        : actionButton("pause", Pause, "Pause", `Pause ${endpoint.id}`)}
      {action.isSuccess && action.variables === "test" && <FormSuccess className="justify-center text-xs">Test event queued</FormSuccess>}
      <FormError className="text-xs">{action.error?.message}</FormError>
    </div>
  );
}

/** ordering, rate limit, filter and extra headers from webhooks.yaml (header values are never shown). */
export function EndpointOptions({ endpoint }: { endpoint: EndpointView }) {
  const filters = Object.entries(endpoint.filter);
  return (
    <dl className="grid max-w-64 min-w-52 grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs" aria-label="Options">
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
      {endpoint.allow_loopback && (
        <>
          <dt className="text-muted-foreground">Loopback</dt>
          <dd>allowed (dev switch)</dd>
        </>
      )}
    </dl>
  );
}

/** The event types an endpoint subscribes to, as badges; `className` bounds how wide they spread. */
export function EndpointEvents({ events, className }: { events: string[]; className?: string }) {
  return (
    <ul className={cn("flex flex-wrap gap-1", className)} aria-label="Events">
      {events.map((event) => (
        <li key={event}>
          <Badge variant="outline" className="font-mono font-normal">
            {event}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
