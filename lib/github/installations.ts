import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { installationRepositories, installations, type Installation } from "@/db/schema";
import type { GithubApp } from "./github-app";

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
export async function handleInstallationCreated(
  db: Database,
  installation: InstallationInfo,
  repositories: RepositoryRef[],
  installedBy: string | null = null,
): Promise<void> {
  await db.transaction(async (tx) => {
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
      .onConflictDoUpdate({ target: installations.id, set: { ...values, installedBy: sql`coalesce(${installations.installedBy}, ${installedBy})` } });
    await tx.delete(installationRepositories).where(eq(installationRepositories.installationId, installation.id));
    if (repositories.length) {
      await tx
        .insert(installationRepositories)
        .values(repositories.map((repository) => ({ installationId: installation.id, repositoryId: repository.id, fullName: repository.full_name })));
    }
  });
}

/** The App was uninstalled: the installation is marked deleted and reaches nothing any more. */
export async function handleInstallationDeleted(db: Database, installationId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(installations).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(installations.id, installationId));
    await tx.delete(installationRepositories).where(eq(installationRepositories.installationId, installationId));
  });
}

export async function handleInstallationSuspended(db: Database, installationId: number, suspended: boolean): Promise<void> {
  await db
    .update(installations)
    .set({ suspendedAt: suspended ? new Date() : null, updatedAt: new Date() })
    .where(eq(installations.id, installationId));
}

/** installation_repositories added/removed. */
export async function handleInstallationRepositoriesChanged(
  db: Database,
  installationId: number,
  change: { added: RepositoryRef[]; removed: RepositoryRef[] },
): Promise<void> {
  await db.transaction(async (tx) => {
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

/** The repositories an installation reaches, asked of GitHub with an installation token (every page). */
export async function getInstallationRepositories(app: GithubApp, installationId: number): Promise<RepositoryRef[]> {
  const octokit = await app.getInstallationOctokit(installationId);
  const repositories: RepositoryRef[] = [];
  for (let page = 1; ; page++) {
    const { data } = await octokit.request("GET /installation/repositories", { per_page: 100, page });
    repositories.push(...data.repositories.map(({ id, full_name }) => ({ id: Number(id), full_name })));
    if (data.repositories.length < 100) return repositories;
  }
}

/** Confirms an installation with GitHub and stores it with its repositories (install callback, start-up sync). */
export async function syncInstallation(db: Database, app: GithubApp, installationId: number, installedBy: string | null = null): Promise<void> {
  const { data } = await app.octokit.request("GET /app/installations/{installation_id}", { installation_id: installationId });
  const account = data.account as { login?: string; slug?: string; type?: string } | null;
  await handleInstallationCreated(
    db,
    {
      id: data.id,
      account: { login: account?.login ?? account?.slug ?? "unknown", type: account?.type ?? data.target_type },
      repository_selection: data.repository_selection,
      suspended_at: data.suspended_at,
    },
    await getInstallationRepositories(app, data.id),
    installedBy,
  );
}

/** Every installation GitHub lists for the App, stored as GitHub reports it. */
export async function syncAllInstallations(db: Database, app: GithubApp): Promise<number> {
  const { data } = await app.octokit.request("GET /app/installations", { per_page: 100 });
  for (const installation of data) await syncInstallation(db, app, installation.id);
  return data.length;
}

/**
 * The active installation that reaches `repository`, or undefined: the check before a project is
 * tracked or a feature analyzed there.
 */
export async function installationForRepository(db: Database, repository: string): Promise<Installation | undefined> {
  const [row] = await db
    .select({ installation: installations })
    .from(installationRepositories)
    .innerJoin(installations, eq(installations.id, installationRepositories.installationId))
    .where(and(sql`lower(${installationRepositories.fullName}) = lower(${repository})`, isNull(installations.deletedAt), isNull(installations.suspendedAt)))
    .limit(1);
  return row?.installation;
}

/** Installations to show: the user's own and those synced from GitHub with no installer; admins see all. Deleted ones are left out. */
export async function listInstallations(db: Database, user: { id: string; role: string }) {
  const rows = await db
    .select()
    .from(installations)
    .where(and(isNull(installations.deletedAt), user.role === "admin" ? undefined : or(eq(installations.installedBy, user.id), isNull(installations.installedBy))))
    .orderBy(installations.accountLogin);
  const repositories = rows.length
    ? await db.select().from(installationRepositories).where(inArray(installationRepositories.installationId, rows.map((row) => row.id)))
    : [];
  return rows.map((installation) => ({
    id: installation.id,
    account: { login: installation.accountLogin, type: installation.accountType },
    repository_selection: installation.repositorySelection,
    suspended_at: installation.suspendedAt?.toISOString() ?? null,
    created_at: installation.createdAt.toISOString(),
    repositories: repositories.filter((repository) => repository.installationId === installation.id).map((repository) => repository.fullName).sort(),
  }));
}
