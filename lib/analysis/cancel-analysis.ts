import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { featureEvents } from "@/db/schema";
import { assertMayChange, type Actor } from "@/lib/auth/assert-may-change";
import { AppError, found } from "@/lib/errors";
import { findFeature } from "@/lib/features/find-feature";
import { githubErrorMessage } from "@/lib/github/github-errors";
import { cancelWorkflowRun } from "@/lib/github/workflows";

import { abandonAnalysis } from "./abandon-analysis";
import type { AnalysisDeps } from "./deps";

/**
 * A person cancels the analysis in flight (its feature's creator or an admin: 403; 409 when none is
 * running). The attempt ends at once and the feature can be analyzed again; then GitHub is asked to cancel
 * the workflow run too. That last step is best effort: a run GitHub will not cancel finishes unheeded,
 * which the attempt's one "cancelled" timeline entry then says too.
 */
export async function cancelAnalysis(deps: AnalysisDeps, input: { featureId: string; actor: Actor }) {
  const feature = found(await findFeature(deps.db, input.featureId), "Feature");
  assertMayChange(input.actor, feature.createdBy, "feature");
  const correlationId = feature.status === "analyzing" ? feature.analysisCorrelationId : null;
  const ended =
    correlationId !== null &&
    (await abandonAnalysis(deps, { featureId: feature.id, correlationId, reason: `cancelled by ${input.actor.login ?? "a user"}` }));
  if (!ended) throw new AppError(409, "no_analysis_running", "No analysis of this feature is running");

  const runId = feature.analysisWorkflowRunId;
  if (runId) {
    try {
      await cancelWorkflowRun(await deps.octokitFor(feature.repository), { repository: feature.repository, runId });
    } catch (error) {
      deps.log.warn("could not cancel the workflow run", { feature_id: feature.id, workflow_run_id: runId, error });
      // Amends the entry abandonAnalysis wrote rather than adding one: an attempt is cancelled once. (A run
      // that finished before the request arrived is refused with a 409, an everyday race.)
      const note = `. GitHub did not cancel workflow run ${runId} (${githubErrorMessage(error)}); its result will be ignored`;
      await deps.db
        .update(featureEvents)
        .set({ message: sql`${featureEvents.message} || ${note}` })
        .where(
          and(eq(featureEvents.featureId, feature.id), eq(featureEvents.correlationId, correlationId), eq(featureEvents.kind, "cancelled")),
        );
    }
  }
  return found(await findFeature(deps.db, feature.id), "Feature");
}
