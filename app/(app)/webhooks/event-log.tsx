"use client";

import { useQuery } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Inbox } from "lucide-react";
import { useState } from "react";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { EmptyState } from "@/components/shell/empty-state";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusFilter, TextFilter } from "@/components/ui/status-filter";
import { expandColumn, statusColumn } from "@/components/ui/table-columns";
import type { getWebhookEvent } from "@/lib/github-webhooks/get-webhook-event";
import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatus } from "@/lib/github-webhooks/webhook-event-enums";
import type { toWebhookEventView } from "@/lib/github-webhooks/webhook-event-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { EventName } from "./event-name";

type EventView = ReturnType<typeof toWebhookEventView>;
type EventDetail = NonNullable<Awaited<ReturnType<typeof getWebhookEvent>>>;

const column = createColumnHelper<EventView>();
const columns = [
  expandColumn<EventView>("Payload"),
  statusColumn<EventView>(),
  column.accessor("event_type", {
    header: "Event",
    cell: (info) => (
      <span className="whitespace-nowrap">
        <EventName type={info.getValue()} action={info.row.original.action} />
      </span>
    ),
  }),
  column.accessor("repository", {
    header: "Repository",
    cell: (info) =>
      info.getValue() ? <code className="text-xs">{info.getValue()}</code> : <span className="text-muted-foreground">—</span>,
  }),
  column.accessor("delivery_id", {
    header: "Delivery",
    cell: (info) => (
      <span className="font-mono text-xs text-muted-foreground" title={info.getValue()}>
        {info.getValue().slice(0, 8)}
      </span>
    ),
  }),
  column.accessor("received_at", { header: "Received", cell: (info) => <RelativeTime value={info.getValue()} /> }),
];

/** The inbound event log, newest first, filterable; a row opens in place to show its payload. */
export function EventLog() {
  const [type, setType] = useState("");
  const [status, setStatus] = useState<WebhookEventStatus | "all">("all");
  const [repository, setRepository] = useState("");
  const filters = { type: useDebouncedValue(type.trim(), 300), repository: useDebouncedValue(repository.trim(), 300) };
  const { query: events, rows } = useKeysetList<EventView>({
    listKey: queryKeys.webhookEvents.list,
    path: "/webhooks/github/events",
    params: { type: filters.type, repository: filters.repository, status: status === "all" ? undefined : status },
    refetchInterval: 5000,
  });
  const table = useDataTable({ data: rows, columns, expandable: true });
  const filtered = filters.type !== "" || filters.repository !== "" || status !== "all";

  return (
    <section aria-labelledby="event-log-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="event-log-heading" className="text-lg font-semibold">
          Event log
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <TextFilter label="Filter by event type" placeholder="Event type, e.g. push" className="w-48" value={type} onChange={setType} />
          <TextFilter
            label="Filter by repository"
            placeholder="Repository, owner/name"
            className="w-56"
            value={repository}
            onChange={setRepository}
          />
          <StatusFilter statuses={WEBHOOK_EVENT_STATUSES} value={status} onChange={setStatus} />
        </div>
      </div>
      <DataTable
        table={table}
        query={events}
        what="events"
        testId="webhook-events"
        renderExpanded={(event) => <EventPayload event={event} />}
        empty={
          <EmptyState icon={Inbox} title={filtered ? "No events match" : "No events received yet"}>
            {filtered
              ? "Try another event type, status or repository (names match exactly)."
              : "Events from the GitHub App appear here as they arrive."}
          </EmptyState>
        }
      />
    </section>
  );
}

/** One event's payload and processing outcome, fetched when its row is opened. */
function EventPayload({ event }: { event: EventView }) {
  const detail = useQuery({
    queryKey: queryKeys.webhookEvents.detail(event.id),
    queryFn: () => apiFetch<EventDetail>(`/webhooks/github/events/${event.id}`),
    // Until it is processed its outcome may still change.
    refetchInterval: (query) => (query.state.data?.status === "received" ? 2000 : false),
  });
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="webhook-event-detail">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-muted-foreground">
        <div>
          <dt className="inline">Delivery </dt>
          <dd className="inline font-mono text-foreground">{event.delivery_id}</dd>
        </div>
        {event.installation_id !== null && (
          <div>
            <dt className="inline">Installation </dt>
            <dd className="inline font-mono text-foreground">{event.installation_id}</dd>
          </div>
        )}
        <div>
          <dt className="inline">Processed </dt>
          <dd className="inline text-foreground">
            <RelativeTime value={detail.data?.processed_at ?? event.processed_at} />
          </dd>
        </div>
      </dl>
      {(detail.data?.error ?? event.error) && (
        <Alert variant="error" size="compact" announce={false}>
          {detail.data?.error ?? event.error}
        </Alert>
      )}
      <QueryStatus query={detail} what="the payload" />
      {detail.data && (
        <pre className="max-h-96 overflow-auto rounded-md border border-border bg-card p-3 font-mono text-xs" aria-label="Payload">
          {JSON.stringify(detail.data.payload, null, 2)}
        </pre>
      )}
    </div>
  );
}
