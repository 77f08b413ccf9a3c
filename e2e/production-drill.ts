import type { ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { expect, setSimulatorFaults } from "./fixtures";
import { startSimulatorProcess } from "./simulator-process";

/**
 * What the restart drills stand on, production configuration rather than demo mode: a new data directory
 * whose webhooks.yaml has one endpoint, `drill`, at `receiverUrl`; a GitHub simulator in its own process
 * (it outlives the app, as the real GitHub does) with an App whose key is made here and one installation
 * on demo-org/demo-app; polling as the only way home (callback dropped, no workflow_run webhook); and the
 * server env that points at it. The caller kills `simulator` when done.
 */
export async function prepareProductionDrill(options: {
  name: string;
  dataDir: string;
  appId: number;
  installationId: number;
  receiverUrl: string;
  endpointSecret: string;
  events: string[];
  runMs: number;
}): Promise<{ simulator: ChildProcess; env: Record<string, string> }> {
  const { name, dataDir } = options;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(path.join(dataDir, "secrets"), { recursive: true });
  writeFileSync(path.join(dataDir, "secrets", "drill_secret"), options.endpointSecret);
  writeFileSync(
    path.join(dataDir, "webhooks.yaml"),
    `endpoints:\n  - id: drill\n    url: ${options.receiverUrl}\n    secret: drill_secret\n    events: ${JSON.stringify(options.events)}\n`,
  );
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const workflowSecret = `${name}-webhook-secret-0123456789`;
  const github = await startSimulatorProcess({
    app: { id: options.appId, slug: `hooksmith-${name}`, publicKey },
    installations: [{ id: options.installationId, account: "demo-org", repositories: ["demo-org/demo-app"] }],
    workflowSecret,
    timings: { queuedMs: 300, runMs: options.runMs },
  });
  expect((await setSimulatorFaults(github.url, { callback: "drop", workflowRunWebhook: false })).status).toBe(200);
  return {
    simulator: github.process,
    env: {
      DATA_DIR: dataDir,
      GITHUB_APP_ID: String(options.appId),
      GITHUB_APP_PRIVATE_KEY: privateKey,
      GITHUB_WEBHOOK_SECRET: `${name}-github-webhook-secret`,
      GITHUB_CLIENT_ID: "drill-client",
      GITHUB_CLIENT_SECRET: "drill-client-secret",
      ALLOW_ANY_GITHUB_USER: "true",
      GITHUB_API_URL: github.apiUrl,
      WEBHOOK_SECRET: workflowSecret,
      ANALYSIS_POLLING_INTERVAL_SECONDS: "1",
      ANALYSIS_WEBHOOK_GRACE_SECONDS: "0",
      ANALYSIS_POLLING_TIMEOUT_SECONDS: "120",
      WEBHOOKS_CONFIG_PATH: path.join(dataDir, "webhooks.yaml"),
      WEBHOOK_SECRETS_DIR: path.join(dataDir, "secrets"),
      ALLOW_INSECURE_WEBHOOK_URLS: "true",
    },
  };
}
