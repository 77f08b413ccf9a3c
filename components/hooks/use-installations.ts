"use client";

import { useQuery } from "@tanstack/react-query";

import type { listInstallations } from "@/lib/installations/list-installations";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

export type InstallationView = Awaited<ReturnType<typeof listInstallations>>[number];

/** The GitHub App installations the signed-in user may use, with the repositories each reaches. */
export function useInstallations() {
  return useQuery({
    queryKey: queryKeys.githubInstallations,
    queryFn: () => apiFetch<{ data: InstallationView[] }>("/auth/github/installations").then((body) => body.data),
  });
}
