import "server-only";

import { and, eq, gte, sql } from "drizzle-orm";

import { webhookDeliveries, webhookDeliveryAttempts } from "@/db/schema";

import type { OutboundDeps } from "./deps";

/** The window an endpoint's health is judged over, as Svix's endpoint page does. */
export const ENDPOINT_STATS_WINDOW_HOURS = 24;

/**
 * An endpoint's last 24 hours: its deliveries by status, the share of finished ones that succeeded, and
 * the latency of its attempts (p50/p95, milliseconds). Null where there is nothing to measure yet.
 */
export async function getEndpointStats(deps: Pick<OutboundDeps, "db" | "now">, endpointId: string) {
  const since = new Date(deps.now().getTime() - ENDPOINT_STATS_WINDOW_HOURS * 3600_000);
  const [deliveries] = await deps.db
    .select({
      total: sql<number>`count(*)::int`,
      succeeded: sql<number>`(count(*) filter (where ${webhookDeliveries.status} = 'succeeded'))::int`,
      failed: sql<number>`(count(*) filter (where ${webhookDeliveries.status} = 'failed'))::int`,
      open: sql<number>`(count(*) filter (where ${webhookDeliveries.status} in ('pending', 'retrying')))::int`,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), gte(webhookDeliveries.createdAt, since)));
  const [attempts] = await deps.db
    .select({
      count: sql<number>`count(*)::int`,
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${webhookDeliveryAttempts.latencyMs})`,
      p95: sql<number | null>`percentile_cont(0.95) within group (order by ${webhookDeliveryAttempts.latencyMs})`,
    })
    .from(webhookDeliveryAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookDeliveryAttempts.deliveryId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), gte(webhookDeliveryAttempts.startedAt, since)));
  const { total = 0, succeeded = 0, failed = 0, open = 0 } = deliveries ?? {};
  const milliseconds = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
  return {
    window_hours: ENDPOINT_STATS_WINDOW_HOURS,
    deliveries: { total, succeeded, failed, open },
    success_rate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
    attempts: attempts?.count ?? 0,
    latency_ms: { p50: milliseconds(attempts?.p50), p95: milliseconds(attempts?.p95) },
  };
}
