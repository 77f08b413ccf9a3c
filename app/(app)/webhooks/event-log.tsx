"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper } from "@tanstack/react-table";
import { Inbox, RotateCcw } from "lucide-react";
import { useState } from "react";

import { useDataTable } from "@/components/hooks/use-data-table";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { useKeysetList } from "@/components/hooks/use-keyset-list";
import { usePostAction } from "@/components/hooks/use-post-action";
import { EmptyState } from "@/components/shell/empty-state";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { EventConcerns } from "@/components/ui/event-concerns";
import { Fact } from "@/components/ui/fact";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { MessageView } from "@/components/ui/message-view";
import { NativeSelect } from "@/components/ui/native-select";
import { PendingButton } from "@/components/ui/pending-button";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { StatusFilter, TextFilter } from "@/components/ui/status-filter";
import { expandColumn, statusColumn } from "@/components/ui/table-columns";
import type { getWebhookEvent } from "@/lib/github-webhooks/get-webhook-event";
import type { listWebhookEvents } from "@/lib/github-webhooks/list-webhook-events";
import type { replayFailedWebhookEvents } from "@/lib/github-webhooks/replay-webhook-events";
import { WEBHOOK_EVENT_STATUSES, type WebhookEventStatus } from "@/lib/github-webhooks/webhook-event-enums";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { EventName } from "./event-name";

type EventView = Awaited<ReturnType<typeof listWebhookEvents>>["data"][number];
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
  column.accessor("concerns", { header: "Concerns", cell: (info) => <EventConcerns concerns={info.getValue()} /> }),
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

/** The inbound event log, newest first, filterable; a row opens in place to show what was received and each processing attempt. */
export function EventLog({ canReplay }: { canReplay: boolean }) {
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
      {canReplay && <ReplayFailed />}
      <DataTable
        table={table}
        query={events}
        what="events"
        testId="webhook-events"
        renderExpanded={(event) => <EventDetail event={event} canReplay={canReplay} />}
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

/** One event as received (headers, payload) and each attempt at processing it, fetched when its row is opened. */
function EventDetail({ event, canReplay }: { event: EventView; canReplay: boolean }) {
  const detail = useQuery({
    queryKey: queryKeys.webhookEvents.detail(event.id),
    queryFn: () => apiFetch<EventDetail>(`/webhooks/github/events/${event.id}`),
    // Until it is processed its outcome may still change.
    refetchInterval: (query) => (query.state.data?.status === "received" ? 1000 : false),
  });
  const replay = usePostAction(`/webhooks/github/events/${event.id}/replay`, [
    queryKeys.webhookEvents.detail(event.id),
    queryKeys.webhookEvents.all,
  ]);
  const error = detail.data ? detail.data.error : event.error;
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="webhook-event-detail">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
          <Fact term="Delivery" className="gap-1">
            <span className="font-mono">{event.delivery_id}</span>
          </Fact>
          {event.installation_id !== null && (
            <Fact term="Installation" className="gap-1">
              <span className="font-mono">{event.installation_id}</span>
            </Fact>
          )}
          <Fact term="Processed" className="gap-1">
            <RelativeTime value={detail.data?.processed_at ?? event.processed_at} />
          </Fact>
        </dl>
        {canReplay && event.source === "github" && (
          <div className="flex flex-col items-end gap-1">
            <PendingButton
              variant="outline"
              size="sm"
              icon={RotateCcw}
              pending={replay.isPending}
              aria-label={`Replay ${event.event_type} ${event.delivery_id}`}
              onClick={() => replay.mutate()}
            >
              Replay
            </PendingButton>
            <FormError className="text-xs">{replay.error?.message}</FormError>
          </div>
        )}
      </div>
      {error && (
        <Alert variant="error" size="compact" announce={false} data-testid="webhook-event-error">
          {error}
        </Alert>
      )}
      <QueryStatus query={detail} what="the event" />
      {detail.data && (
        <>
          <Attempts attempts={detail.data.attempts} />
          <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <MessageView label="Headers" kind="headers" value={detail.data.headers} />
            <MessageView label="Payload" kind="body" value={detail.data.payload} />
          </div>
        </>
      )}
    </div>
  );
}

const TRIGGER_LABELS = { delivery: "Delivered", redelivery: "Redelivered by GitHub", replay: "Replayed" } as const;

/** Every processing of the event, oldest first: why it ran and how it ended. */
function Attempts({ attempts }: { attempts: EventDetail["attempts"] }) {
  if (!attempts.length) return null;
  return (
    <ol aria-label="Processing attempts" className="flex flex-col gap-1 text-xs">
      {attempts.map((attempt) => (
        <li key={attempt.attempt} className="flex flex-wrap items-center gap-x-3 gap-y-1" data-outcome={attempt.outcome ?? "running"}>
          <span className="font-medium">Attempt {attempt.attempt}</span>
          <span className="text-muted-foreground">{TRIGGER_LABELS[attempt.trigger]}</span>
          <StatusBadge status={attempt.outcome ?? "received"} />
          <span className="text-muted-foreground">
            <RelativeTime value={attempt.finished_at ?? attempt.requested_at} />
          </span>
          {(attempt.error ?? attempt.note) && (
            <span className={attempt.error ? "text-destructive" : "text-muted-foreground"}>{attempt.error ?? attempt.note}</span>
          )}
        </li>
      ))}
    </ol>
  );
}

const SINCE_CHOICES = [
  { label: "the last hour", hours: 1 },
  { label: "the last 24 hours", hours: 24 },
  { label: "the last 7 days", hours: 24 * 7 },
] as const;

/** Admins: process again every GitHub event that failed since a time (POST /webhooks/github/events/replay). */
function ReplayFailed() {
  const [hours, setHours] = useState<number>(24);
  const queryClient = useQueryClient();
  const replay = useMutation({
    mutationFn: () =>
      apiFetch<Awaited<ReturnType<typeof replayFailedWebhookEvents>>>("/webhooks/github/events/replay", {
        method: "POST",
        body: JSON.stringify({ status: "failed", since: new Date(Date.now() - hours * 3600_000).toISOString() }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhookEvents.all }),
  });
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label htmlFor="replay-since" className="text-muted-foreground">
        Replay failed events from
      </label>
      <NativeSelect id="replay-since" value={hours} onChange={(event) => setHours(Number(event.target.value))} className="w-44">
        {SINCE_CHOICES.map((choice) => (
          <option key={choice.hours} value={choice.hours}>
            {choice.label}
          </option>
        ))}
      </NativeSelect>
      <PendingButton variant="outline" size="sm" icon={RotateCcw} pending={replay.isPending} onClick={() => replay.mutate()}>
        Replay failed
      </PendingButton>
      {replay.data && (
        <FormSuccess>
          {replay.data.replayed === 0
            ? "No failed events in that time."
            : `Replaying ${replay.data.replayed} event${replay.data.replayed === 1 ? "" : "s"}${replay.data.remaining ? `; ${replay.data.remaining} more to go` : ""}.`}
        </FormSuccess>
      )}
      <FormError>{replay.error?.message}</FormError>
    </div>
  );
}
