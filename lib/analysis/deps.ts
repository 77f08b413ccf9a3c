import "server-only";

import type { Database } from "@/db";
import type { JobEvent } from "@/inngest/events";
import type { InstallationOctokit } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";

import type { CallbackRoots } from "./webhook-secret";

export interface AnalysisSettings {
  /** ANALYSIS_WORKFLOW; a repository's settings may name another file. */
  workflow: string;
  /** ANALYSIS_WORKFLOW_REF; unset → the repository's default branch. A repository's settings come first. */
  ref: string | undefined;
  /** Where the workflow posts its callback; none → polling (and the workflow_run webhook) only. */
  callbackBaseUrl: string | undefined;
  pollIntervalSeconds: number;
  pollTimeoutSeconds: number;
  /** With a callback URL, the poller first gives the callback this long before it polls GitHub. */
  webhookGraceSeconds: number;
  /** WEBHOOK_SECRET (and the previous one during a rotation): every repository's callback key derives from it. */
  callbackRoots: CallbackRoots;
  /** GitHub Actions ID tokens a callback may carry instead of a signature: their audience (this server) and trusted issuers. */
  oidc: { audience: string | undefined; issuers: () => string[] };
}

/** What the analysis flow needs from the outside world, passed in so tests can hand in their own. */
export interface AnalysisDeps {
  db: Database;
  settings: AnalysisSettings;
  octokitFor(repository: string): Promise<InstallationOctokit>;
  sendEvent(event: JobEvent): Promise<unknown>;
  now(): Date;
  log: Logger;
  /** Announces feature.analysis.completed / .failed with the recorded result. */
  outbox: Outbox;
}
