import "server-only";

import { inArray, isNull } from "drizzle-orm";

import type { Database } from "@/db";
import { installationRepositories, installations } from "@/db/schema";

/**
 * Every installation that is not deleted, for everyone signed in: any member may track or analyze any
 * repository they reach (trackProject and requestAnalysis ask only for an active installation), so a
 * member is shown the same list, never "not installed" next to a repository already tracked.
 */
export async function listInstallations(db: Database) {
  const rows = await db.select().from(installations).where(isNull(installations.deletedAt)).orderBy(installations.accountLogin);
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
