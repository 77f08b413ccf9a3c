import "server-only";

import { analysisRecorded } from "@/inngest/events";

import type { AnalysisDeps } from "./deps";

/**
 * Tells a poller still waiting on this attempt that the attempt is settled, so it stops now rather than
 * at its next poll. Only a hint: the settlement is stored, and the next poll sees it, so a failed send is logged.
 */
export async function tellPollerSettled(
  deps: Pick<AnalysisDeps, "sendEvent" | "log">,
  attempt: { featureId: string; correlationId: string },
): Promise<void> {
  await deps
    .sendEvent({ name: analysisRecorded.name, data: { feature_id: attempt.featureId, correlation_id: attempt.correlationId } })
    .catch((error: unknown) => deps.log.warn("could not send analysis.recorded", { feature_id: attempt.featureId, error }));
}
