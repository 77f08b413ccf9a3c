import "server-only";

import type { Database } from "@/db";
import type { Installation } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { repositoryInstallationId, type GithubApp } from "@/lib/github/github-app";
import { githubRequestError } from "@/lib/github/github-errors";

import type { InstallationDeps } from "./deps";
import { installationForRepository } from "./installation-for-repository";
import { syncInstallation } from "./sync-installation";

/**
 * The active installation that reaches `repository`; 422 repository_not_installed, saying what to do, when there
 * is none. Given the App client it also asks GitHub before refusing, and stores what it finds: an installation
 * this instance has not heard of yet (its webhook still on the way, or the start-up sync not done) is accepted.
 */
export async function requireInstallation(deps: { db: Database; githubApp?: () => GithubApp }, repository: string): Promise<Installation> {
  const installation =
    (await installationForRepository(deps.db, repository)) ??
    (deps.githubApp && (await installationFromGithub({ db: deps.db, githubApp: deps.githubApp() }, repository)));
  if (!installation) {
    throw new AppError(
      422,
      "repository_not_installed",
      `The GitHub App is not installed on ${repository}, or cannot reach it: pick an installed repository, or ask an admin to add it in Settings → GitHub App`,
    );
  }
  return installation;
}

async function installationFromGithub(deps: InstallationDeps, repository: string): Promise<Installation | undefined> {
  try {
    await syncInstallation(deps, { installationId: await repositoryInstallationId(deps.githubApp, repository) });
  } catch (error) {
    if (githubRequestError(error)?.status === 404) return undefined;
    throw error;
  }
  return installationForRepository(deps.db, repository);
}
