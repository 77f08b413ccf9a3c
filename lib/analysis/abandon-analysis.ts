import "server-only";

import { and, desc, eq } from "drizzle-orm";

import { analyses, features } from "@/db/schema";
import { toFeatureView } from "@/lib/features/feature-view";
import { withOutbox } from "@/lib/outbound/with-outbox";

import { addFeatureEvent } from "./add-feature-event";
import type { AnalysisDeps } from "./deps";
import { tellPollerSettled } from "./tell-poller-settled";

/**
 * Ends an analysis attempt without a result (a person cancelled it, or its poller was cancelled), if it is
 * still the one in flight: the feature goes back to where its last recorded analysis left it (pending when
 * there is none), so it can be analyzed again; the timeline says why and `feature.analysis.cancelled` is
 * announced. A result arriving later for this attempt is ignored as settled. Returns whether it ended it.
 */
export async function abandonAnalysis(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox">,
  input: { featureId: string; correlationId: string; reason: string },
): Promise<boolean> {
  const abandoned = await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
    const [last] = await tx
      .select({ status: analyses.status, error: analyses.error })
      .from(analyses)
      .where(eq(analyses.featureId, input.featureId))
      .orderBy(desc(analyses.completedAt))
      .limit(1);
    const [moved] = await tx
      .update(features)
      .set({ status: last?.status ?? "pending", failureReason: last?.error ?? null, updatedAt: deps.now() })
      .where(
        and(eq(features.id, input.featureId), eq(features.status, "analyzing"), eq(features.analysisCorrelationId, input.correlationId)),
      )
      .returning();
    if (!moved) return false;
    await addFeatureEvent(tx, {
      featureId: input.featureId,
      correlationId: input.correlationId,
      kind: "cancelled",
      message: `Analysis cancelled: ${input.reason}`,
    });
    await emit("feature.analysis.cancelled", {
      feature: toFeatureView(moved),
      analysis: { correlation_id: input.correlationId, reason: input.reason },
    });
    return true;
  });
  if (abandoned) await tellPollerSettled(deps, input);
  return abandoned;
}
