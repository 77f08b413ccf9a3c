import "server-only";

import type { AnalysisDeps } from "./deps";
import { timedOutReason } from "./failure-reasons";
import { recordAnalysisOutcome } from "./record-analysis-outcome";

/** The poller's last word: an attempt with no result by the polling timeout fails, saying it timed out. */
export function timeOutAnalysis(deps: AnalysisDeps, input: { featureId: string; correlationId: string }) {
  return recordAnalysisOutcome(deps, {
    ...input,
    source: "polling",
    outcome: { status: "failed", error: timedOutReason(deps.settings.pollTimeoutSeconds) },
  });
}
