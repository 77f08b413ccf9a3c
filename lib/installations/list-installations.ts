import "server-only";

import { and, eq, inArray, isNull, or } from "drizzle-orm";

import type { Database } from "@/db";
import { installationRepositories, installations } from "@/db/schema";

/** Installations to show: the user's own and those synced from GitHub with no installer; admins see all. Deleted ones are left out. */
export async function listInstallations(db: Database, user: { id: string; role: string }) {
  const rows = await db
    .select()
    .from(installations)
    .where(
      and(
        isNull(installations.deletedAt),
        user.role === "admin" ? undefined : or(eq(installations.installedBy, user.id), isNull(installations.installedBy)),
      ),
    )
    .orderBy(installations.accountLogin);
  const repositories = rows.length
    ? await db
        .select()
        .from(installationRepositories)
        .where(
          inArray(
            installationRepositories.installationId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return rows.map((installation) => ({
    id: installation.id,
    account: { login: installation.accountLogin, type: installation.accountType },
    repository_selection: installation.repositorySelection,
    suspended_at: installation.suspendedAt?.toISOString() ?? null,
    created_at: installation.createdAt.toISOString(),
    repositories: repositories
      .filter((repository) => repository.installationId === installation.id)
      .map((repository) => repository.fullName)
      .sort(),
  }));
}
