import "server-only";

import type { Config } from "@/lib/config";
import { processSlot } from "@/lib/server/process-singleton";

/** What start-up hands over in demo mode: where the simulator listens and the simulated App's credentials. */
export interface DemoGithub {
  url: string;
  appId: number;
  privateKey: string;
  webhookSecret: string;
}

// Set once by the server's start-up when it starts the simulator; shared across bundles.
const demoSlot = processSlot<DemoGithub>("hooksmith.demo-github", "Demo mode: the GitHub simulator has not been started");

export const setDemoGithub = demoSlot.set;
export const demoGithub = demoSlot.get;

export interface GithubUrls {
  /** github.com, a GitHub Enterprise Server host, or the simulator: where OAuth pages live. */
  web: string;
  /** The REST API base URL. */
  api: string;
}

/** Where GitHub is for this process: the simulator in demo mode, else github.com or GHES from GITHUB_API_URL. */
export function githubUrls(config: Pick<Config, "demoMode" | "GITHUB_API_URL">): GithubUrls {
  if (config.demoMode) {
    const { url } = demoGithub();
    return { web: url, api: `${url}/api/v3` };
  }
  const api = config.GITHUB_API_URL;
  if (api === "https://api.github.com") return { web: "https://github.com", api };
  return { web: api.replace(/\/api\/v3$/, ""), api };
}

/** A workflow run's page on GitHub (the simulator's in demo mode). */
export function workflowRunUrl(config: Pick<Config, "demoMode" | "GITHUB_API_URL">, repository: string, runId: number): string {
  return `${githubUrls(config).web}/${repository}/actions/runs/${runId}`;
}

/** A commit's page on GitHub (the simulator's in demo mode). */
export function commitUrl(config: Pick<Config, "demoMode" | "GITHUB_API_URL">, repository: string, sha: string): string {
  return `${githubUrls(config).web}/${repository}/commit/${sha}`;
}
