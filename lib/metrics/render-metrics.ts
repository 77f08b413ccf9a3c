import "server-only";

import type { Database } from "@/db";

import { readOperationsSnapshot } from "./read-operations-snapshot";
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
  const snapshot = await readOperationsSnapshot(db);
  // Reset first so a label set that no longer has rows disappears instead of keeping its last value.
  metrics.inboundEvents.reset();
  for (const row of snapshot.inbound) metrics.inboundEvents.set({ event_type: row.eventType, status: row.status }, row.n);
  metrics.outboundDeliveries.reset();
  for (const row of snapshot.deliveries) metrics.outboundDeliveries.set({ endpoint_id: row.endpointId, status: row.status }, row.n);
  metrics.outboundQueueDepth.reset();
  metrics.outboundEndpointPaused.reset();
  for (const row of snapshot.endpoints) {
    metrics.outboundQueueDepth.set({ endpoint_id: row.endpointId }, row.queueDepth);
    metrics.outboundEndpointPaused.set({ endpoint_id: row.endpointId }, row.paused ? 1 : 0);
  }
  metrics.jobRuns.reset();
  for (const row of snapshot.jobRuns) metrics.jobRuns.set({ function_id: row.functionId, status: row.status }, row.n);
  metrics.analyses.reset();
  for (const row of snapshot.analyses) metrics.analyses.set({ path: row.path, status: row.status }, row.n);

  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
