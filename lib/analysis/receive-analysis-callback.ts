import "server-only";

import { eq } from "drizzle-orm";

import { features, type FeatureStatus } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { findFeature } from "@/lib/features/find-feature";
import { parseJsonBody } from "@/lib/http/read-json";

import { addFeatureEvent } from "./add-feature-event";
import { analysisCallbackSchema } from "./analysis-result";
import { isValidCallbackSignature } from "./callback-signature";
import type { AnalysisDeps } from "./deps";
import { outcomeFromResult, recordAnalysisOutcome } from "./record-analysis-outcome";

export interface CallbackRequest {
  featureId: string;
  signature: string;
  /** Reads the raw body (enforcing the size limit) only once the feature is known. */
  readBody(): Promise<Buffer>;
}

export type CallbackAnswer =
  | { status: "success"; feature_id: string; analysis_status: FeatureStatus }
  | { status: "duplicate"; feature_id: string; analysis_status: FeatureStatus };

/**
 * A signed result callback from the workflow. Checks run in an order that never parses an
 * unauthenticated body: feature (404) → signature over the raw bytes (401) → JSON and schema (400) →
 * id match (400). A replay, a late copy, or a callback for an attempt already settled is a duplicate.
 */
export async function receiveAnalysisCallback(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox">,
  request: CallbackRequest,
): Promise<CallbackAnswer> {
  const feature = await findFeature(deps.db, request.featureId);
  if (!feature) throw notFound("Feature");
  const raw = await request.readBody();
  if (!isValidCallbackSignature(feature.webhookSecret, raw, request.signature)) {
    throw new AppError(401, "invalid_signature", "X-Webhook-Signature does not match the body");
  }
  const callback = parseJsonBody(raw, analysisCallbackSchema);
  if (callback.feature_id !== feature.id) {
    throw new AppError(400, "feature_id_mismatch", "feature_id in the body does not match X-Feature-ID");
  }

  const event = { featureId: feature.id, correlationId: callback.correlation_id };
  const current = feature.status === "analyzing" && feature.analysisCorrelationId === callback.correlation_id;
  if (!current) {
    await addFeatureEvent(deps.db, { ...event, kind: "duplicate_ignored", message: "Callback for an attempt already settled: ignored" });
    return { status: "duplicate", feature_id: feature.id, analysis_status: feature.status };
  }
  await deps.db.update(features).set({ webhookReceivedAt: deps.now() }).where(eq(features.id, feature.id));
  await addFeatureEvent(deps.db, {
    ...event,
    kind: "callback_received",
    message: "Signed callback received",
    detail: { workflow_run_id: callback.workflow_run_id ?? null },
  });
  const { recorded, status } = await recordAnalysisOutcome(deps, {
    ...event,
    source: "webhook",
    workflowRunId: callback.workflow_run_id,
    outcome: outcomeFromResult(callback.analysis),
  });
  if (!recorded)
    await addFeatureEvent(deps.db, {
      ...event,
      kind: "duplicate_ignored",
      message: "Callback arrived after the result was recorded: ignored",
    });
  deps.log.info("analysis callback", { feature_id: feature.id, correlation_id: callback.correlation_id, recorded });
  return { status: recorded ? "success" : "duplicate", feature_id: feature.id, analysis_status: status };
}
