import "server-only";

import type { Database } from "@/db";
import type { JobEvent } from "@/inngest/events";
import type { InstallationOctokit } from "@/lib/github/github-app";
import type { Logger } from "@/lib/log";
import type { Outbox } from "@/lib/outbound/outbox";

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
  sendEvent(event: JobEvent): Promise<unknown>;
  now(): Date;
  log: Logger;
  /** Announces feature.analysis.completed / .failed with the recorded result. */
  outbox: Outbox;
}
