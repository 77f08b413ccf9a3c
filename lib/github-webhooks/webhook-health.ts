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
  const [last] = await db.select({ at: sql<string | null>`max(${webhookEvents.receivedAt})` }).from(webhookEvents).where(github);
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

/** Events and success rate per hour over the last `hours`, oldest first, for the webhooks chart. */
export async function githubWebhookHourly(db: Database, now: Date, hours = 24) {
  const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (hours - 1) * HOUR_MS);
  const rows = await db
    .select({
      hour: sql<string>`date_trunc('hour', ${webhookEvents.receivedAt})`,
      total: sql<number>`count(*)::int`,
      failed: sql<number>`(count(*) filter (where ${webhookEvents.status} = 'failed'))::int`,
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.source, "github"), gte(webhookEvents.receivedAt, since)))
    .groupBy(sql`1`);
  const byHour = new Map(rows.map((row) => [new Date(row.hour).getTime(), row]));
  return Array.from({ length: hours }, (_, index) => {
    const hour = since.getTime() + index * HOUR_MS;
    const row = byHour.get(hour);
    const total = row?.total ?? 0;
    return { hour: new Date(hour).toISOString(), total, failed: row?.failed ?? 0, success_rate: total ? (total - (row?.failed ?? 0)) / total : null };
  });
}
