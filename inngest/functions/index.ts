import type { InngestFunction } from "inngest";
import { analysisFromWorkflowRun } from "./analysis-from-workflow-run";
import { analysisPoller } from "./analysis-poller";
import { jobsSelfTest } from "./jobs-self-test";

/** Every background function of the app, served at /api/inngest. */
export const functions: InngestFunction.Any[] = [jobsSelfTest, analysisPoller, analysisFromWorkflowRun];
