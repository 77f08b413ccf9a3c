"use client";

import { useQuery } from "@tanstack/react-query";

import type { ConfigProblem } from "@/lib/outbound/endpoints-config";
import type { getEndpointStats } from "@/lib/outbound/get-endpoint-stats";
import type { listEndpoints } from "@/lib/outbound/list-endpoints";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

export type EndpointView = Awaited<ReturnType<typeof listEndpoints>>[number];
/** What the last read of webhooks.yaml found (GET /api/v1/admin/webhooks/endpoints `config`). */
export type ConfigStatus = { state: "missing" | "loaded" | "invalid"; errors: ConfigProblem[] };

/** The endpoints in force (from webhooks.yaml) with their runtime state, the file's status and warnings. Admins only. */
export function useWebhookEndpoints({ refetchInterval }: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.webhookEndpoints,
    queryFn: () => apiFetch<{ data: EndpointView[]; warnings: ConfigProblem[]; config: ConfigStatus }>("/api/v1/admin/webhooks/endpoints"),
    refetchInterval,
  });
}

/** One endpoint with its last 24 hours (success rate, attempt latency, deliveries by status). Admins only. */
export function useWebhookEndpoint(id: string) {
  return useQuery({
    queryKey: queryKeys.webhookEndpoint(id),
    queryFn: () =>
      apiFetch<{ endpoint: EndpointView; stats: Awaited<ReturnType<typeof getEndpointStats>> }>(
        `/api/v1/admin/webhooks/endpoints/${encodeURIComponent(id)}`,
      ),
    // Deliveries and failure streaks change without anyone here pressing a button.
    refetchInterval: 5000,
  });
}
