import "server-only";

import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { getConfig, type Config } from "@/lib/config";
import { getGithubApp, repositoryOctokit } from "@/lib/github/github-app";
import { githubUrls } from "@/lib/github/github-urls";
import { log as rootLog, type Logger } from "@/lib/log";
import { defaultOutbox } from "@/lib/outbound/default-deps";

import type { AnalysisDeps, AnalysisSettings } from "./deps";
import { actionsOidcIssuer } from "./verify-actions-id-token";
import { callbackRoots } from "./webhook-secret";

export function analysisSettings(config: Config): AnalysisSettings {
  return {
    workflow: config.ANALYSIS_WORKFLOW,
    ref: config.ANALYSIS_WORKFLOW_REF,
    callbackBaseUrl: config.callbackBaseUrl,
    pollIntervalSeconds: config.ANALYSIS_POLLING_INTERVAL_SECONDS,
    pollTimeoutSeconds: config.ANALYSIS_POLLING_TIMEOUT_SECONDS,
    webhookGraceSeconds: config.ANALYSIS_WEBHOOK_GRACE_SECONDS,
    callbackRoots: callbackRoots(config),
    oidc: {
      audience: config.callbackBaseUrl,
      // The GitHub this process talks to is trusted too (GitHub Enterprise Server, or the simulator in demo
      // mode); asked for only when a token arrives, since the simulator's address is known only once it runs.
      issuers: () => [...new Set([...config.ANALYSIS_OIDC_ISSUERS, actionsOidcIssuer(githubUrls(config).web)])],
    },
  };
}

/** The analysis flow wired to this process: its database, its GitHub App, its Inngest client. */
export async function defaultAnalysisDeps(log: Logger = rootLog): Promise<AnalysisDeps> {
  const config = getConfig();
  return {
    db: await getDb(),
    settings: analysisSettings(config),
    octokitFor: (repository) => repositoryOctokit(getGithubApp(config), repository),
    sendEvent: (event) => inngest.send(event),
    now: () => new Date(),
    log,
    outbox: defaultOutbox(log),
  };
}
