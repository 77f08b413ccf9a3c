import "server-only";

import { and, eq } from "drizzle-orm";

import { installationRepositories } from "@/db/schema";

import type { InstallationDeps } from "./deps";
import type { RepositoryRef } from "./store-installation";

/** installation_repositories added/removed. */
export async function changeInstallationRepositories(
  deps: Pick<InstallationDeps, "db">,
  change: { installationId: number; added: RepositoryRef[]; removed: RepositoryRef[] },
): Promise<void> {
  const { installationId } = change;
  await deps.db.transaction(async (tx) => {
    if (change.added.length) {
      await tx
        .insert(installationRepositories)
        .values(change.added.map((repository) => ({ installationId, repositoryId: repository.id, fullName: repository.full_name })))
        .onConflictDoNothing();
    }
    for (const repository of change.removed) {
      await tx
        .delete(installationRepositories)
        .where(and(eq(installationRepositories.installationId, installationId), eq(installationRepositories.repositoryId, repository.id)));
    }
  });
}
