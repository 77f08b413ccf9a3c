import "server-only";

import { Counter, Gauge, Histogram, Registry } from "prom-client";

import { processSingleton } from "@/lib/server/process-singleton";

/**
 * The process's Prometheus registry and its metrics, made once: Next loads this module into several
 * bundles, and prom-client refuses a second metric of the same name in one registry.
 *
 * The gauges are set from the database at each scrape (render-metrics.ts), so every instance reports the
 * same totals; the histograms are observed in this process as work happens, and Prometheus sums instances.
 */
function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    inboundEvents: new Gauge({
      name: "hooksmith_inbound_events",
      help: "Inbound GitHub webhook events recorded, by event type and status",
      labelNames: ["event_type", "status"] as const,
      registers,
    }),
    outboundDeliveries: new Gauge({
      name: "hooksmith_outbound_deliveries",
      help: "Outbound webhook deliveries, by endpoint and status",
      labelNames: ["endpoint_id", "status"] as const,
      registers,
    }),
    outboundQueueDepth: new Gauge({
      name: "hooksmith_outbound_queue_depth",
      help: "Open (pending or retrying) outbound deliveries per endpoint",
      labelNames: ["endpoint_id"] as const,
      registers,
    }),
    outboundEndpointPaused: new Gauge({
      name: "hooksmith_outbound_endpoint_paused",
      help: "1 when the outbound endpoint is paused, else 0",
      labelNames: ["endpoint_id"] as const,
      registers,
    }),
    jobRuns: new Gauge({
      name: "hooksmith_job_runs",
      help: "Embedded executor job runs, by function and status",
      labelNames: ["function_id", "status"] as const,
      registers,
    }),
    analyses: new Gauge({
      name: "hooksmith_analyses",
      help: "Feature analysis results, by the path that brought them home (callback, workflow_run, poll) and status",
      labelNames: ["path", "status"] as const,
      registers,
    }),
    inboundProcessingSeconds: new Histogram({
      name: "hooksmith_inbound_processing_seconds",
      help: "Time to process one inbound GitHub webhook event in this process, by event type and outcome",
      labelNames: ["event_type", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    outboundAttemptSeconds: new Histogram({
      name: "hooksmith_outbound_attempt_seconds",
      help: "Duration of one outbound delivery attempt made by this process, by endpoint and outcome",
      labelNames: ["endpoint_id", "outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    githubApiCalls: new Counter({
      name: "hooksmith_github_api_calls_total",
      help: "Calls this process made to the GitHub API, by method, route template and HTTP status (304s are free of rate limit)",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    githubRateLimitRemaining: new Gauge({
      name: "hooksmith_github_rate_limit_remaining",
      help: "Requests left in the current GitHub rate-limit window, as the last answer for that resource said",
      labelNames: ["resource"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function getMetrics(): Metrics {
  return processSingleton("hooksmith.metrics", createMetrics);
}
