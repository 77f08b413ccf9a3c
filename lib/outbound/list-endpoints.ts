import "server-only";

import { webhookEndpointState } from "@/db/schema";

import type { OutboundDeps } from "./deps";

/** Configured endpoints (never their secrets) with their runtime state. */
export async function listEndpoints(deps: Pick<OutboundDeps, "db" | "confirmedEndpoints">) {
  const states = await deps.db.select().from(webhookEndpointState);
  const byId = new Map(states.map((state) => [state.endpointId, state]));
  const { endpoints } = await deps.confirmedEndpoints(deps.db);
  return endpoints.map((endpoint) => {
    const state = byId.get(endpoint.id);
    return {
      id: endpoint.id,
      url: endpoint.url,
      events: endpoint.events,
      enabled: endpoint.enabled,
      description: endpoint.description,
      secret_name: endpoint.secretName,
      rotating_secret: endpoint.secrets.length > 1,
      ordering: endpoint.ordering,
      max_in_flight: endpoint.maxInFlight,
      rate_limit_per_second: endpoint.rateLimitPerSecond,
      filter: endpoint.filter,
      // Names only, and which secret a value comes from: never a value.
      headers: Object.entries(endpoint.headerSources).map(([name, source]) => ({
        name,
        secret: "secret" in source ? source.secret : null,
      })),
      secrets_resolved: endpoint.secretsResolved,
      allow_loopback: endpoint.allowLoopback,
      paused: Boolean(state?.pausedAt),
      paused_at: state?.pausedAt?.toISOString() ?? null,
      paused_reason: state?.pausedReason ?? null,
      consecutive_failures: state?.consecutiveFailures ?? 0,
    };
  });
}
