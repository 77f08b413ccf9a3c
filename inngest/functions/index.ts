import "server-only";

import type { InngestFunction } from "inngest";

import { analysisFromWorkflowRun } from "./analysis-from-workflow-run";
import { analysisPoller } from "./analysis-poller";
import { analysisPollerCancelled } from "./analysis-poller-cancelled";
import { benchJob } from "./bench-job";
import { cleanUpExpiredDataFunction } from "./clean-up-expired-data";
import { drainWebhookEndpoint, sweepWebhookDeliveries } from "./drain-webhook-endpoint";
import { recoverMissedDeliveriesFunction } from "./github-webhook-crons";
import { jobsSelfTest } from "./jobs-self-test";
import { processGithubWebhookFunction } from "./process-github-webhook";
import { processProjectFunction } from "./process-project";

/** Every background function of the app, served at /api/inngest. */
export const functions: InngestFunction.Any[] = [
  jobsSelfTest,
  analysisPoller,
  analysisPollerCancelled,
  analysisFromWorkflowRun,
  processGithubWebhookFunction,
  processProjectFunction,
  cleanUpExpiredDataFunction,
  recoverMissedDeliveriesFunction,
  drainWebhookEndpoint,
  sweepWebhookDeliveries,
  // The bench's no-op function exists only in a server `npm run bench` starts.
  ...(process.env.HOOKSMITH_BENCH === "1" ? [benchJob] : []),
];
