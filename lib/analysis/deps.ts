import type { Database } from "@/db";
import type { InstallationOctokit } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";

export const ANALYSIS_REQUESTED_EVENT = "feature/analysis.requested";
/** Sent whenever an attempt's result is recorded, by any path: the poller stops waiting on it. */
export const ANALYSIS_RECORDED_EVENT = "feature/analysis.recorded";
export const WORKFLOW_RUN_COMPLETED_EVENT = "github/workflow_run.completed";

export interface AnalysisSettings {
  workflow: string;
  ref: string;
  /** Where the workflow posts its callback; none → polling (and the workflow_run webhook) only. */
  callbackBaseUrl: string | undefined;
  pollIntervalSeconds: number;
  pollTimeoutSeconds: number;
  /** With a callback URL, the poller first gives the callback this long before it polls GitHub. */
  webhookGraceSeconds: number;
}

/** What the analysis flow needs from the outside world, passed in so tests can hand in their own. */
export interface AnalysisDeps {
  db: Database;
  settings: AnalysisSettings;
  octokitFor(repository: string): Promise<InstallationOctokit>;
  sendEvent(event: { name: string; data: Record<string, unknown> }): Promise<unknown>;
  now(): Date;
  log: Logger;
  /** Announces feature.analysis.completed / .failed with the recorded result. */
  outbox: Outbox;
}
