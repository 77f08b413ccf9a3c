import "server-only";

import { eq, sql } from "drizzle-orm";

import { installationRepositories, installations } from "@/db/schema";

import type { InstallationDeps } from "./deps";

export interface InstallationInfo {
  id: number;
  account: { login: string; type?: string };
  repository_selection?: string;
  suspended_at?: string | null;
}

export interface RepositoryRef {
  id: number;
  full_name: string;
}

/** Stores (or revives) an installation and the repositories it reaches. */
export async function storeInstallation(
  deps: Pick<InstallationDeps, "db">,
  input: { installation: InstallationInfo; repositories: RepositoryRef[]; installedBy?: string | null },
): Promise<void> {
  const { installation, repositories } = input;
  const installedBy = input.installedBy ?? null;
  await deps.db.transaction(async (tx) => {
    const values = {
      accountLogin: installation.account.login,
      accountType: installation.account.type ?? "User",
      repositorySelection: installation.repository_selection ?? "selected",
      suspendedAt: installation.suspended_at ? new Date(installation.suspended_at) : null,
      deletedAt: null,
      updatedAt: new Date(),
    };
    await tx
      .insert(installations)
      .values({ id: installation.id, installedBy, ...values })
      .onConflictDoUpdate({
        target: installations.id,
        set: { ...values, installedBy: sql`coalesce(${installations.installedBy}, ${installedBy})` },
      });
    await tx.delete(installationRepositories).where(eq(installationRepositories.installationId, installation.id));
    if (repositories.length) {
      await tx.insert(installationRepositories).values(
        repositories.map((repository) => ({
          installationId: installation.id,
          repositoryId: repository.id,
          fullName: repository.full_name,
        })),
      );
    }
  });
}
