import "server-only";

import { and, eq, inArray, lt, notExists, notInArray, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

import type { Database } from "@/db";
import {
  featureEvents,
  features,
  jobEvents,
  jobIdempotencyKeys,
  jobRuns,
  outboundEvents,
  webhookDeliveries,
  webhookEvents,
} from "@/db/schema";
import type { Config } from "@/lib/config";
import { ACTIVE_RUN_STATUSES } from "@/lib/jobs/embedded/run-status";
import type { Logger } from "@/lib/log";
import { OPEN_STATUSES } from "@/lib/outbound/delivery-status";

import { deleteInBatches } from "./delete-in-batches";

/** How long each kind of growing data is kept, in days (the `*_RETENTION_DAYS` variables). */
export type RetentionDays = Pick<
  Config,
  | "WEBHOOK_EVENT_RETENTION_DAYS"
  | "OUTBOUND_EVENT_RETENTION_DAYS"
  | "WEBHOOK_DELIVERY_RETENTION_DAYS"
  | "JOB_RUN_RETENTION_DAYS"
  | "FEATURE_EVENT_RETENTION_DAYS"
>;

export const retentionCutoff = (now: Date, days: number) => new Date(now.getTime() - days * 24 * 3600_000);

const openDeliveryOf = (db: Database) =>
  db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.eventId, outboundEvents.id), inArray(webhookDeliveries.status, [...OPEN_STATUSES])));

const analyzingFeature = (db: Database) =>
  db
    .select({ id: features.id })
    .from(features)
    .where(and(eq(features.id, featureEvents.featureId), eq(features.status, "analyzing")));

/**
 * What goes, table by table, in this order: each rule names the rows past their retention that nothing
 * still needs. Children go with their parents (cascades): processing attempts with inbound events,
 * HTTP attempts with deliveries, steps with runs, an event's finished deliveries with the event.
 */
function retentionRules(db: Database, days: RetentionDays, now: Date): { name: string; table: PgTable; where: SQL }[] {
  const before = (value: number) => retentionCutoff(now, value);
  return [
    { name: "inbound_events", table: webhookEvents, where: lt(webhookEvents.receivedAt, before(days.WEBHOOK_EVENT_RETENTION_DAYS)) },
    {
      // An open delivery (pending, retrying) is still to be sent: never removed.
      name: "webhook_deliveries",
      table: webhookDeliveries,
      where: and(
        lt(webhookDeliveries.createdAt, before(days.WEBHOOK_DELIVERY_RETENTION_DAYS)),
        notInArray(webhookDeliveries.status, [...OPEN_STATUSES]),
      )!,
    },
    {
      name: "outbound_events",
      table: outboundEvents,
      where: and(lt(outboundEvents.timestamp, before(days.OUTBOUND_EVENT_RETENTION_DAYS)), notExists(openDeliveryOf(db)))!,
    },
    {
      // An active run (queued, running, sleeping, waiting) is never removed, however old.
      name: "job_runs",
      table: jobRuns,
      where: and(lt(jobRuns.createdAt, before(days.JOB_RUN_RETENTION_DAYS)), notInArray(jobRuns.status, [...ACTIVE_RUN_STATUSES]))!,
    },
    { name: "job_events", table: jobEvents, where: lt(jobEvents.receivedAt, before(days.JOB_RUN_RETENTION_DAYS)) },
    { name: "job_idempotency_keys", table: jobIdempotencyKeys, where: lt(jobIdempotencyKeys.expiresAt, now) },
    {
      // The timeline of an analysis under way stays whole.
      name: "feature_events",
      table: featureEvents,
      where: and(lt(featureEvents.createdAt, before(days.FEATURE_EVENT_RETENTION_DAYS)), notExists(analyzingFeature(db)))!,
    },
  ];
}

/**
 * The hourly cleanup: deletes, in batches, every row past its retention that nothing still needs, and
 * logs how many of each kind went. Returns the counts by kind.
 */
export async function cleanUpExpiredData(
  deps: { db: Database; now: () => Date; log: Logger },
  days: RetentionDays,
  batchSize = 1000,
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const rule of retentionRules(deps.db, days, deps.now())) {
    removed[rule.name] = await deleteInBatches(deps.db, rule.table, rule.where, batchSize);
  }
  deps.log.info("expired data cleaned up", { removed });
  return removed;
}
