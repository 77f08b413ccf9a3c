"use client";

import { useQuery } from "@tanstack/react-query";

import type { listInstallations } from "@/lib/installations/list-installations";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

export type InstallationView = Awaited<ReturnType<typeof listInstallations>>[number];

interface InstallationsBody {
  data: InstallationView[];
  /** The admins' GitHub logins: whom a member asks about installations. */
  admins: string[];
}

const fetchInstallations = () => apiFetch<InstallationsBody>("/auth/github/installations");

/** The GitHub App's installations, with the repositories each reaches. */
export function useInstallations() {
  return useQuery({ queryKey: queryKeys.githubInstallations, queryFn: fetchInstallations, select: (body) => body.data });
}

/** The admins' logins, from the same answer as useInstallations. */
export function useInstallationAdmins() {
  return useQuery({ queryKey: queryKeys.githubInstallations, queryFn: fetchInstallations, select: (body) => body.admins });
}
