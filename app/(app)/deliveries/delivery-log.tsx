"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { RotateCcw, Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { usePostAction } from "@/components/hooks/use-post-action";
import { useWebhookEndpoints } from "@/components/hooks/use-webhook-endpoints";
import { EmptyState } from "@/components/shell/empty-state";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EventConcerns } from "@/components/ui/event-concerns";
import { Fact } from "@/components/ui/fact";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { MessageView } from "@/components/ui/message-view";
import { PendingButton } from "@/components/ui/pending-button";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { FilterSelect, StatusFilter } from "@/components/ui/status-filter";
import { expandColumn, statusColumn } from "@/components/ui/table-columns";
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from "@/lib/outbound/delivery-status";
import { EVENT_TYPES, type EventType } from "@/lib/outbound/event-types";
import type { getDelivery } from "@/lib/outbound/get-delivery";
import type { listDeliveries } from "@/lib/outbound/list-deliveries";
import { apiFetch } from "@/lib/ui/api-client";
import { cn } from "@/lib/ui/cn";
import { queryKeys } from "@/lib/ui/query-keys";

type DeliveryView = Awaited<ReturnType<typeof listDeliveries>>["data"][number];
type AttemptView = DeliveryView["attempts"][number];
type DeliveryDetail = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;

const inFlight = (delivery: DeliveryView) => delivery.status === "pending" || delivery.status === "retrying";
/** The error, unless it only repeats the HTTP status shown beside it. */
const errorBeyondStatus = (result: { http_status: number | null; error_message: string | null }) =>
  result.error_message === `HTTP ${result.http_status}` ? null : result.error_message;

const column = createColumnHelper<DeliveryView>();
const columns = [
  expandColumn<DeliveryView>("Attempts"),
  statusColumn<DeliveryView>(),
  column.accessor("event_type", {
    header: "Event",
    cell: (info) => (
      <span className="flex items-center gap-2 whitespace-nowrap">
        <code className="text-xs font-medium">{info.getValue()}</code>
        {info.row.original.redelivery_of && (
          <Badge variant="muted" title={`Redelivery of delivery ${info.row.original.redelivery_of}`}>
            redelivery
          </Badge>
        )}
      </span>
    ),
  }),
  column.accessor("concerns", { header: "Concerns", cell: (info) => <EventConcerns concerns={info.getValue()} /> }),
  column.accessor("endpoint_id", {
    header: "Endpoint",
    cell: (info) => (
      <span className="font-medium" title={info.row.original.endpoint_url}>
        {info.getValue()}
      </span>
    ),
  }),
  column.accessor("attempt_count", { header: "Attempts", cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
  column.display({ id: "result", header: "Last result", cell: (info) => <LastResult delivery={info.row.original} /> }),
  column.accessor("created_at", { header: "Created", cell: (info) => <RelativeTime value={info.getValue()} /> }),
];

/**
 * The outbound delivery log, newest first, filterable; a row opens in place to show its attempts.
 * `fixedEndpoint`: one endpoint's deliveries only (its own page), without the endpoint filter.
 */
export function DeliveryLog({ initialEndpoint, fixedEndpoint }: { initialEndpoint?: string; fixedEndpoint?: string }) {
  const [chosenEndpoint, setEndpoint] = useState(initialEndpoint ?? "all");
  const endpoint = fixedEndpoint ?? chosenEndpoint;
  const [status, setStatus] = useState<WebhookDeliveryStatus | "all">("all");
  const [eventType, setEventType] = useState<EventType | "all">("all");
  const endpoints = useWebhookEndpoints();
  const endpointIds = [
    ...new Set([...(endpoints.data?.data.map((candidate) => candidate.id) ?? []), ...(initialEndpoint ? [initialEndpoint] : [])]),
  ];
  const { query: deliveries, rows } = useKeysetList<DeliveryView>({
    listKey: queryKeys.webhookDeliveries.list,
    path: "/api/v1/admin/webhooks/deliveries",
    params: {
      endpoint_id: endpoint === "all" ? undefined : endpoint,
      status: status === "all" ? undefined : status,
      event_type: eventType === "all" ? undefined : eventType,
    },
    // Quickly while something is on its way, so each attempt shows as it happens; slowly for new events.
    refetchInterval: (loaded) => (loaded.some(inFlight) ? 2000 : 5000),
  });
  const table = useDataTable({ data: rows, columns, expandable: true });
  const filtered = chosenEndpoint !== "all" || status !== "all" || eventType !== "all";

  return (
    <section aria-label="Delivery log" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-4">
        {!fixedEndpoint && <FilterSelect label="Endpoint" options={endpointIds} value={endpoint} onChange={setEndpoint} />}
        <FilterSelect label="Event" options={EVENT_TYPES} value={eventType} onChange={setEventType} />
        <StatusFilter statuses={WEBHOOK_DELIVERY_STATUSES} value={status} onChange={setStatus} />
      </div>
      <DataTable
        table={table}
        query={deliveries}
        what="deliveries"
        testId="webhook-deliveries"
        renderExpanded={(delivery) => <DeliveryAttempts delivery={delivery} />}
        empty={
          <EmptyState icon={Send} title={filtered ? "No deliveries match" : "No deliveries yet"}>
            {filtered ? (
              "Try another endpoint, event or status."
            ) : (
              <>
                Events reach the endpoints configured in{" "}
                <Link href="/settings/webhooks" className="font-medium text-primary hover:underline">
                  Settings → Outbound webhooks
                </Link>
                ; send a test event from there.
              </>
            )}
          </EmptyState>
        }
      />
    </section>
  );
}

/** The latest attempt at a glance: HTTP status and latency, or what went wrong; when retrying, when next. */
function LastResult({ delivery }: { delivery: DeliveryView }) {
  if (delivery.attempt_count === 0) return <span className="text-muted-foreground">not sent yet</span>;
  const error = errorBeyondStatus(delivery);
  return (
    <div className="flex max-w-64 flex-col text-xs">
      <span className="whitespace-nowrap">
        {delivery.http_status === null ? "no response" : `HTTP ${delivery.http_status}`}
        {delivery.latency_ms !== null && <span className="text-muted-foreground"> · {delivery.latency_ms} ms</span>}
      </span>
      {error && (
        <span className="truncate text-destructive" title={error}>
          {error}
        </span>
      )}
      {delivery.next_attempt_at && (
        <span className="text-muted-foreground">
          next attempt <RelativeTime value={delivery.next_attempt_at} />
        </span>
      )}
    </div>
  );
}

/** One delivery's facts, what it sends, its attempt timeline and Redeliver, shown when its row is opened. */
function DeliveryAttempts({ delivery }: { delivery: DeliveryView }) {
  return (
    <div className="flex flex-col gap-4 text-sm" data-testid="delivery-detail">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
          <Fact term="webhook-id" className="gap-1">
            <span className="font-mono">{delivery.event_id}</span>
          </Fact>
          <Fact term="URL" className="gap-1">
            <span className="font-mono">{delivery.endpoint_url}</span>
          </Fact>
          <Fact term="Sequence" className="gap-1">
            #{delivery.sequence}
          </Fact>
          <Fact term="Completed" className="gap-1">
            <RelativeTime value={delivery.completed_at} />
          </Fact>
        </dl>
        <RedeliverButton delivery={delivery} />
      </div>
      <SentBody delivery={delivery} />
      {delivery.attempts.length === 0 ? (
        <p className="text-muted-foreground">
          Not sent yet: deliveries to an endpoint go out in order, so this one waits for those before it (or for the endpoint to be
          resumed).
        </p>
      ) : (
        <ol aria-label="Attempts" className="ml-1.5 flex flex-col border-l border-border">
          {delivery.attempts.map((attempt) => (
            <AttemptItem key={attempt.attempt} attempt={attempt} />
          ))}
          {delivery.next_attempt_at && (
            <li className="relative pl-6 text-muted-foreground">
              <span className="absolute top-1.5 -left-[5px] size-2.5 rounded-full border-2 border-dashed border-amber-500 bg-card" />
              Attempt {delivery.attempts.length + 1} due <RelativeTime value={delivery.next_attempt_at} />
            </li>
          )}
        </ol>
      )}
    </div>
  );
}

function AttemptItem({ attempt }: { attempt: AttemptView }) {
  const error = errorBeyondStatus(attempt);
  return (
    <li className="relative pb-4 pl-6 last:pb-0" data-outcome={attempt.outcome}>
      <span
        className={cn(
          "absolute top-1.5 -left-[5px] size-2.5 rounded-full",
          attempt.outcome === "succeeded" ? "bg-emerald-500" : "bg-red-500",
        )}
      />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">Attempt {attempt.attempt}</span>
        <StatusBadge status={attempt.outcome} />
        <span className="font-mono text-xs">{attempt.http_status === null ? "no response" : `HTTP ${attempt.http_status}`}</span>
        <span className="text-xs text-muted-foreground">{attempt.latency_ms} ms</span>
        <span className="ml-auto text-xs text-muted-foreground">
          <RelativeTime value={attempt.started_at} />
        </span>
      </div>
      {error && <p className="mt-1 text-destructive">{error}</p>}
      {attempt.response_excerpt && (
        <pre className="mt-1.5 max-h-32 w-fit max-w-full overflow-auto rounded-md border border-border bg-card px-2 py-1.5 font-mono text-xs whitespace-pre-wrap">
          {attempt.response_excerpt}
        </pre>
      )}
      {(attempt.request_headers || attempt.response_headers) && (
        <details className="mt-1.5">
          <summary className="cursor-pointer text-xs text-muted-foreground">Headers sent and received</summary>
          <div className="mt-2 grid gap-3 lg:grid-cols-2">
            {attempt.request_headers && <MessageView label="Request headers" kind="headers" value={attempt.request_headers} />}
            {attempt.response_headers && <MessageView label="Response headers" kind="headers" value={attempt.response_headers} />}
          </div>
        </details>
      )}
    </li>
  );
}

/** The body every attempt of this delivery sends: the event's envelope, fetched when the row is opened. */
function SentBody({ delivery }: { delivery: DeliveryView }) {
  const detail = useQuery({
    queryKey: queryKeys.webhookDeliveries.detail(delivery.id),
    queryFn: () => apiFetch<DeliveryDetail>(`/api/v1/admin/webhooks/deliveries/${delivery.id}`),
    staleTime: Infinity,
  });
  return (
    <>
      <QueryStatus query={detail} what="the body sent" />
      {detail.data && <MessageView label="Body sent" kind="body" value={detail.data.request_body} />}
    </>
  );
}

/** Sends the delivery's event again (same webhook-id) at the end of its endpoint's queue. */
function RedeliverButton({ delivery }: { delivery: DeliveryView }) {
  const redeliver = usePostAction(`/api/v1/admin/webhooks/deliveries/${delivery.id}/redeliver`, [queryKeys.webhookDeliveries.all]);
  return (
    <div className="flex flex-col items-end gap-1">
      <PendingButton
        variant="outline"
        size="sm"
        pending={redeliver.isPending}
        icon={RotateCcw}
        aria-label={`Redeliver ${delivery.event_type} to ${delivery.endpoint_id}`}
        title={inFlight(delivery) ? "Still being delivered" : undefined}
        disabled={inFlight(delivery) || redeliver.isPending}
        onClick={() => redeliver.mutate()}
      >
        Redeliver
      </PendingButton>
      {redeliver.isSuccess && <FormSuccess className="text-xs">Queued as a new delivery, same webhook-id</FormSuccess>}
      <FormError className="max-w-48 text-right text-xs">{redeliver.error?.message}</FormError>
    </div>
  );
}
