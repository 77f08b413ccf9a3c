"use client";

import { useQuery } from "@tanstack/react-query";

import type { ConfigProblem } from "@/lib/outbound/endpoints-config";
import type { listEndpoints } from "@/lib/outbound/list-endpoints";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

export type EndpointView = Awaited<ReturnType<typeof listEndpoints>>[number];

/** The endpoints in force (from webhooks.yaml) with their runtime state, and the file's warnings. Admins only. */
export function useWebhookEndpoints({ refetchInterval }: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.webhookEndpoints,
    queryFn: () => apiFetch<{ data: EndpointView[]; warnings: ConfigProblem[] }>("/api/v1/admin/webhooks/endpoints"),
    refetchInterval,
  });
}
