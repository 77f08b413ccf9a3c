import "server-only";

import { count, isNotNull, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { analyses, jobRuns, webhookDeliveries, webhookEndpointState, webhookEvents } from "@/db/schema";
import type { AnalysisSource } from "@/lib/features/feature-enums";

/** The path a result came home by, as metrics and the operations page name it (README → Feature analysis). */
export const ANALYSIS_PATH_BY_SOURCE = {
  webhook: "callback",
  workflow_run_event: "workflow_run",
  polling: "poll",
} as const satisfies Record<AnalysisSource, string>;

/**
 * What the database says right now, counted: the numbers behind /metrics' gauges and the operations page.
 * Every endpoint with state has a queue depth, 0 when nothing is open.
 */
export async function readOperationsSnapshot(db: Database) {
  const [inbound, deliveries, open, endpoints, runs, analysisRows] = await Promise.all([
    db
      .select({ eventType: webhookEvents.eventType, status: webhookEvents.status, n: count() })
      .from(webhookEvents)
      .groupBy(webhookEvents.eventType, webhookEvents.status),
    db
      .select({ endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status, n: count() })
      .from(webhookDeliveries)
      .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status),
    // Same predicate as the partial index webhook_deliveries_open_idx, so the count reads that index.
    db
      .select({ endpointId: webhookDeliveries.endpointId, n: count() })
      .from(webhookDeliveries)
      .where(sql`${webhookDeliveries.status} in ('pending', 'retrying')`)
      .groupBy(webhookDeliveries.endpointId),
    db.select({ endpointId: webhookEndpointState.endpointId, paused: isNotNull(webhookEndpointState.pausedAt) }).from(webhookEndpointState),
    db
      .select({ functionId: jobRuns.functionId, status: jobRuns.status, n: count() })
      .from(jobRuns)
      .groupBy(jobRuns.functionId, jobRuns.status),
    db.select({ source: analyses.source, status: analyses.status, n: count() }).from(analyses).groupBy(analyses.source, analyses.status),
  ]);
  const openByEndpoint = new Map(open.map((row) => [row.endpointId, row.n]));
  const endpointIds = [...new Set([...endpoints.map((row) => row.endpointId), ...openByEndpoint.keys()])].sort();
  const paused = new Set(endpoints.filter((row) => row.paused).map((row) => row.endpointId));
  return {
    inbound,
    deliveries,
    endpoints: endpointIds.map((endpointId) => ({
      endpointId,
      queueDepth: openByEndpoint.get(endpointId) ?? 0,
      paused: paused.has(endpointId),
    })),
    jobRuns: runs,
    analyses: analysisRows.map((row) => ({ path: ANALYSIS_PATH_BY_SOURCE[row.source], status: row.status, n: row.n })),
  };
}

export type OperationsSnapshot = Awaited<ReturnType<typeof readOperationsSnapshot>>;
