"use client";

import type { ComponentProps } from "react";

import { useInstallations } from "@/components/hooks/use-installations";
import { Input } from "@/components/ui/input";

/**
 * A repository box that offers the repositories the App is installed on (active installations), and still
 * takes any owner/name typed: the server says whether it is reachable.
 */
export function InstalledRepositoryInput({ id, ...props }: ComponentProps<"input"> & { id: string }) {
  const installations = useInstallations();
  const installed = [
    ...new Set(installations.data?.flatMap((installation) => (installation.suspended_at ? [] : installation.repositories)) ?? []),
  ].sort();
  return (
    <>
      <Input id={id} list={`${id}-installed`} placeholder="owner/name" autoComplete="off" {...props} />
      <datalist id={`${id}-installed`}>
        {installed.map((repository) => (
          <option key={repository} value={repository} />
        ))}
      </datalist>
    </>
  );
}
