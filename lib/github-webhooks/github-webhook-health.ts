import "server-only";

import { and, eq, gte, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents } from "@/db/schema";

/** Below this share of non-failed deliveries in the last hour, the webhook flow is degraded. */
const HEALTHY_RATE = 0.95;

const HOUR_MS = 3600_000;

/** The health panel: the last hour's totals and failures, from the event log itself. */
export async function githubWebhookHealth(db: Database, now: Date) {
  const since = new Date(now.getTime() - HOUR_MS);
  const github = eq(webhookEvents.source, "github");
  const [hour] = await db
    .select({
      total: sql<number>`count(*)::int`,
      failed: sql<number>`(count(*) filter (where ${webhookEvents.status} = 'failed'))::int`,
    })
    .from(webhookEvents)
    .where(and(github, gte(webhookEvents.receivedAt, since)));
  const [last] = await db
    .select({ at: sql<string | null>`max(${webhookEvents.receivedAt})` })
    .from(webhookEvents)
    .where(github);
  const total = hour?.total ?? 0;
  const failed = hour?.failed ?? 0;
  const successRate = total === 0 ? 1 : (total - failed) / total;
  return {
    status: successRate >= HEALTHY_RATE ? ("healthy" as const) : ("degraded" as const),
    success_rate: Math.round(successRate * 10_000) / 10_000,
    total_events_last_hour: total,
    failed_events_last_hour: failed,
    last_event_at: last?.at ? new Date(last.at).toISOString() : null,
  };
}
