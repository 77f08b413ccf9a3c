"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { SectionCard } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { githubWebhookHealth } from "@/lib/github-webhooks/github-webhook-health";
import type { githubWebhookHourly } from "@/lib/github-webhooks/github-webhook-hourly";
import { apiFetch } from "@/lib/ui/api-client";
import { cn } from "@/lib/ui/cn";
import { queryKeys } from "@/lib/ui/query-keys";

import { HourlyChart } from "./hourly-chart";

type Health = Awaited<ReturnType<typeof githubWebhookHealth>> & { hourly: Awaited<ReturnType<typeof githubWebhookHourly>> };

const percent = (rate: number) => `${(rate * 100).toFixed(rate === 1 ? 0 : 1)}%`;

/** The last hour at a glance (degraded below 95 % success) and the last 24 hours per hour. */
export function WebhookHealth() {
  const health = useQuery({
    queryKey: queryKeys.webhookHealth,
    queryFn: () => apiFetch<Health>("/webhooks/github/health"),
    refetchInterval: 5000,
  });
  const data = health.data;

  return (
    <div className="grid items-stretch gap-6 lg:grid-cols-3">
      <SectionCard
        title="Health"
        description="GitHub deliveries in the last hour."
        aside={data ? <StatusBadge status={data.status} className="px-3 py-1 text-sm" data-testid="webhook-health-status" /> : null}
        role="region"
        aria-label="Webhook health"
        data-testid="webhook-health"
      >
        <QueryStatus query={health} what="webhook health" />
        {data && (
          <dl className="grid grid-cols-2 gap-4">
            <Stat term="Success rate">{percent(data.success_rate)}</Stat>
            <Stat term="Events">{data.total_events_last_hour}</Stat>
            <Stat term="Failed" tone={data.failed_events_last_hour > 0 ? "text-destructive" : undefined}>
              {data.failed_events_last_hour}
            </Stat>
            <Stat term="Last event">
              <RelativeTime value={data.last_event_at} />
            </Stat>
          </dl>
        )}
      </SectionCard>
      <SectionCard
        title="Events per hour"
        description="Last 24 hours: deliveries (bars) and the share processed without failure (line)."
        className="lg:col-span-2"
      >
        {data ? <HourlyChart hourly={data.hourly} /> : <div className="h-56" />}
      </SectionCard>
    </div>
  );
}

function Stat({ term, tone, children }: { term: string; tone?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className={cn("text-xl font-semibold tabular-nums", tone)}>{children}</dd>
    </div>
  );
}
