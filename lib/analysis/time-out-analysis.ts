import "server-only";

import type { AnalysisDeps } from "./deps";
import { recordAnalysisOutcome } from "./record-analysis-outcome";

/** The poller's last word: an attempt with no result by the polling timeout fails with reason "timed out". */
export function timeOutAnalysis(deps: AnalysisDeps, input: { featureId: string; correlationId: string }) {
  return recordAnalysisOutcome(deps, { ...input, source: "polling", outcome: { status: "failed", error: "timed out" } });
}
