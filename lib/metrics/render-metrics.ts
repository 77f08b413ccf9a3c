import "server-only";

import { count, isNotNull, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { analyses, jobRuns, webhookDeliveries, webhookEndpointState, webhookEvents } from "@/db/schema";

import { getMetrics, type Metrics } from "./registry";

// Scrapes are serialised: each resets and refills the shared gauges, and two interleaved scrapes would
// otherwise render each other's half-filled values.
let scraping: Promise<unknown> = Promise.resolve();

/** The Prometheus text exposition of every hooksmith_ metric, gauges read from the database now. */
export function renderMetrics(db: Database): Promise<{ body: string; contentType: string }> {
  const next = scraping.catch(() => {}).then(() => render(db, getMetrics()));
  scraping = next;
  return next;
}

async function render(db: Database, metrics: Metrics) {
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

  // Reset first so a label set that no longer has rows disappears instead of keeping its last value.
  metrics.inboundEvents.reset();
  for (const row of inbound) metrics.inboundEvents.set({ event_type: row.eventType, status: row.status }, row.n);
  metrics.outboundDeliveries.reset();
  for (const row of deliveries) metrics.outboundDeliveries.set({ endpoint_id: row.endpointId, status: row.status }, row.n);
  metrics.outboundQueueDepth.reset();
  for (const row of endpoints) metrics.outboundQueueDepth.set({ endpoint_id: row.endpointId }, 0);
  for (const row of open) metrics.outboundQueueDepth.set({ endpoint_id: row.endpointId }, row.n);
  metrics.outboundEndpointPaused.reset();
  for (const row of endpoints) metrics.outboundEndpointPaused.set({ endpoint_id: row.endpointId }, row.paused ? 1 : 0);
  metrics.jobRuns.reset();
  for (const row of runs) metrics.jobRuns.set({ function_id: row.functionId, status: row.status }, row.n);
  metrics.analyses.reset();
  for (const row of analysisRows) metrics.analyses.set({ source: row.source, status: row.status }, row.n);

  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
