import { afterAll } from "vitest";

import { generateAppKeyPair } from "@/github-simulator/app-routes";
import { startGithubSimulator, type GithubSimulator, type StartGithubSimulatorOptions } from "@/github-simulator/start-github-simulator";
import { createGithubApp, repositoryOctokit, type GithubApp } from "@/lib/github/github-app";
import { setDemoGithub } from "@/lib/github/github-urls";

import { TEST_WEBHOOK_SECRET } from "./features";

export const TEST_APP_ID = 1001;
/** What the simulated App signs its webhooks with, unless a test gives its own. */
export const TEST_GITHUB_WEBHOOK_SECRET = "test-github-webhook-secret-0123456789";
export const TEST_INSTALLATION = { id: 5001, account: "demo-org", repositories: ["demo-org/demo-app"] };

export interface TestGithub {
  simulator: GithubSimulator;
  app: GithubApp;
  /** The simulated App's private key (PEM), as demo mode hands it to the server. */
  privateKey: string;
  /** The secret the simulator signs App webhooks with (`options.webhooks.secret`). */
  webhookSecret: string;
  octokitFor: (repository: string) => ReturnType<typeof repositoryOctokit>;
}

/**
 * The GitHub simulator with an App installed on demo-org/demo-app, and an @octokit/app client for it,
 * as the server has in demo mode. Runs take `timings` (fast by default). Closed after the file.
 */
export async function startTestGithub(options: Partial<StartGithubSimulatorOptions> = {}): Promise<TestGithub> {
  const { privateKey, publicKey } = generateAppKeyPair();
  const simulator = await startGithubSimulator({
    app: { id: TEST_APP_ID, slug: "hooksmith-test", publicKey },
    installations: [TEST_INSTALLATION],
    workflowSecret: TEST_WEBHOOK_SECRET,
    timings: { queuedMs: 20, runMs: 80 },
    ...options,
  });
  afterAll(() => simulator.close());
  const app = createGithubApp({ appId: TEST_APP_ID, privateKey, baseUrl: simulator.apiUrl });
  const webhookSecret = options.webhooks?.secret ?? TEST_GITHUB_WEBHOOK_SECRET;
  return { simulator, app, privateKey, webhookSecret, octokitFor: (repository) => repositoryOctokit(app, repository) };
}

/**
 * Makes `github` the process's GitHub, as the server's demo-mode start-up does with its simulator, so
 * code that reads the process configuration (route handlers, Inngest functions) reaches it.
 */
export function installAsProcessGithub(github: TestGithub) {
  setDemoGithub({ url: github.simulator.url, appId: TEST_APP_ID, privateKey: github.privateKey, webhookSecret: github.webhookSecret });
  afterAll(() => setDemoGithub(undefined));
}
