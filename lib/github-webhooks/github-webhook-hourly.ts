import "server-only";

import { and, eq, gte, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { webhookEvents } from "@/db/schema";

const HOUR_MS = 3600_000;

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
    return {
      hour: new Date(hour).toISOString(),
      total,
      failed: row?.failed ?? 0,
      success_rate: total ? (total - (row?.failed ?? 0)) / total : null,
    };
  });
}
