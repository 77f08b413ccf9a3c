import "server-only";

import { readFileSync } from "node:fs";
import { App } from "@octokit/app";
import { Octokit } from "@octokit/core";

import type { Config } from "@/lib/config";
import { githubApiMetrics } from "@/lib/metrics/github-api-metrics";
import { processSingleton } from "@/lib/server/process-singleton";

import { demoGithub, githubUrls } from "./github-urls";

export type GithubApp = App;
export type InstallationOctokit = Octokit;

type AppConfig = Pick<Config, "demoMode" | "GITHUB_API_URL" | "GITHUB_APP_ID" | "GITHUB_APP_PRIVATE_KEY" | "GITHUB_APP_PRIVATE_KEY_PATH">;

/** The App's id: the simulated App's in demo mode, else from the environment. */
function appId(config: AppConfig): string {
  return config.demoMode ? String(demoGithub().appId) : config.GITHUB_APP_ID!;
}

/** The App's private key: the simulated App's in demo mode, else from the environment (read only when the client is made). */
function appPrivateKey(config: AppConfig): string {
  if (config.demoMode) return demoGithub().privateKey;
  const privateKey = config.GITHUB_APP_PRIVATE_KEY ?? readFileSync(config.GITHUB_APP_PRIVATE_KEY_PATH!, "utf8");
  return privateKey.replace(/\\n/g, "\n");
}

// One App client per process (its token cache with it), shared across the bundles Next loads.
const current = processSingleton("hooksmith.github-app", (): { client?: { key: string; app: App } } => ({}));

/**
 * The process's GitHub App client. Installation tokens are minted from the App JWT and cached by
 * @octokit/auth-app until shortly before they expire.
 */
export function getGithubApp(config: AppConfig): App {
  const id = appId(config);
  const baseUrl = githubUrls(config).api;
  const key = `${id}@${baseUrl}`;
  if (current.client?.key !== key)
    current.client = { key, app: createGithubApp({ appId: id, privateKey: appPrivateKey(config), baseUrl }) };
  return current.client.app;
}

export function createGithubApp(input: { appId: string | number; privateKey: string; baseUrl: string }): App {
  return new App({
    appId: input.appId,
    privateKey: input.privateKey,
    Octokit: Octokit.plugin(githubApiMetrics).defaults({ baseUrl: input.baseUrl, userAgent: "hooksmith" }),
  });
}

const INSTALLATION_TTL_MS = 5 * 60_000;
const installationIds = new Map<string, { id: number; until: number }>();

/** The id of the App's installation on `owner/name`, as GitHub answers it (cached briefly); GitHub's 404 when there is none. */
export async function repositoryInstallationId(app: App, repository: string): Promise<number> {
  const cached = installationIds.get(repository);
  if (cached && cached.until > Date.now()) return cached.id;
  const [owner, repo] = repository.split("/");
  const { data } = await app.octokit.request("GET /repos/{owner}/{repo}/installation", { owner: owner!, repo: repo! });
  installationIds.set(repository, { id: data.id, until: Date.now() + INSTALLATION_TTL_MS });
  return data.id;
}

/** An Octokit authenticated as the App's installation on `owner/name`. */
export async function repositoryOctokit(app: App, repository: string): Promise<InstallationOctokit> {
  return app.getInstallationOctokit(await repositoryInstallationId(app, repository)) as Promise<InstallationOctokit>;
}

/** The secret GitHub signs App webhooks with: GITHUB_WEBHOOK_SECRET, or the simulator's in demo mode. */
export function githubWebhookSecret(config: Pick<Config, "demoMode" | "GITHUB_WEBHOOK_SECRET">): string {
  return config.demoMode ? demoGithub().webhookSecret : config.GITHUB_WEBHOOK_SECRET!;
}
