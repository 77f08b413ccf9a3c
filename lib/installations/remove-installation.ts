import "server-only";

import { eq } from "drizzle-orm";

import { installationRepositories, installations } from "@/db/schema";

import type { InstallationDeps } from "./deps";

/** The App was uninstalled: the installation is marked deleted and reaches nothing any more. */
export async function removeInstallation(deps: Pick<InstallationDeps, "db">, installationId: number): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.update(installations).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(installations.id, installationId));
    await tx.delete(installationRepositories).where(eq(installationRepositories.installationId, installationId));
  });
}
