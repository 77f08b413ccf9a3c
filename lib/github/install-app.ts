import "server-only";

import { Octokit } from "@octokit/core";

import { AppError } from "@/lib/errors";
import type { InstallationDeps } from "@/lib/installations/deps";
import { syncInstallation } from "@/lib/installations/sync-installation";
import { processSingleton } from "@/lib/server/process-singleton";

import type { GithubApp } from "./github-app";
import { githubRequestError } from "./github-errors";

const current = processSingleton("hooksmith.github-app-slug", (): { slug?: Promise<string> } => ({}));

/** The App's slug (GET /app), for its install page URL; asked once per process. */
export function githubAppSlug(app: GithubApp): Promise<string> {
  current.slug ??= app.octokit
    .request("GET /app")
    .then(({ data }) => data!.slug!)
    .catch((error: unknown) => {
      current.slug = undefined;
      throw error;
    });
  return current.slug;
}

/** Where the Install button sends a person: GitHub's (or the simulator's) install page for the App. */
export async function installPageUrl(app: GithubApp, githubWeb: string, state: string): Promise<string> {
  const url = new URL(`${githubWeb}/apps/${await githubAppSlug(app)}/installations/new`);
  url.searchParams.set("state", state);
  return url.toString();
}

/**
 * The setup URL callback: the installation GitHub names is confirmed through the API (never trusted from
 * the query string) and stored with its repositories, installed by this user — only if this person can
 * reach it on GitHub (their own token's GET /user/installations), so a forged callback naming someone
 * else's installation stores nothing.
 */
export async function completeInstallation(
  deps: InstallationDeps,
  input: { installationId: string | null; userId: string; userAccessToken: string | null },
): Promise<number> {
  const { installationId } = input;
  const id = Number(installationId);
  if (!installationId || !Number.isSafeInteger(id) || id <= 0)
    throw new AppError(400, "invalid_installation", "installation_id is missing or not a number");
  if (!(await userCanReachInstallation(deps.githubApp, input.userAccessToken, id))) {
    throw new AppError(
      403,
      "installation_not_yours",
      `Your GitHub account cannot access installation ${id} of this App: install it from your own account or organisation`,
    );
  }
  try {
    await syncInstallation(deps, { installationId: id, installedBy: input.userId });
  } catch (error) {
    if (githubRequestError(error)?.status === 404)
      throw new AppError(404, "installation_not_found", `GitHub does not know installation ${id} of this App`);
    throw error;
  }
  return id;
}

/**
 * Whether the person behind a GitHub user token can reach an installation of this App: GitHub lists it in
 * their `GET /user/installations` (a GitHub App user token; every page). No token, or one GitHub refuses: no.
 */
async function userCanReachInstallation(app: GithubApp, accessToken: string | null, installationId: number): Promise<boolean> {
  if (!accessToken) return false;
  const octokit = new Octokit({ auth: accessToken, baseUrl: app.octokit.request.endpoint.DEFAULTS.baseUrl, userAgent: "hooksmith" });
  try {
    for (let page = 1; ; page++) {
      const { data } = await octokit.request("GET /user/installations", { per_page: 100, page });
      if (data.installations.some((installation) => installation.id === installationId)) return true;
      if (data.installations.length < 100) return false;
    }
  } catch (error) {
    const status = githubRequestError(error)?.status;
    if (status === 401 || status === 403) return false;
    throw error;
  }
}
