import "server-only";

import { eq } from "drizzle-orm";

import { features, type Feature, type FeatureStatus } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { findFeature } from "@/lib/features/find-feature";
import { parseJsonBody } from "@/lib/http/read-json";

import { addFeatureEvent } from "./add-feature-event";
import { analysisDocumentSchema } from "./analysis-result";
import type { AnalysisDeps } from "./deps";
import { outcomeFromResult, recordAnalysisOutcome } from "./record-analysis-outcome";
import { verifyActionsIdToken } from "./verify-actions-id-token";
import { isSignedWithFeatureKey } from "./webhook-secret";

/** How a callback proves it comes from the feature's run: a signature with the feature's key, or a GitHub Actions ID token. */
export type CallbackCredential = { kind: "signature"; signature: string } | { kind: "id_token"; token: string };

export interface CallbackRequest {
  featureId: string;
  credential: CallbackCredential;
  /** Reads the raw body (enforcing the size limit) only once the feature is known. */
  readBody(): Promise<Buffer>;
}

export type CallbackAnswer =
  | { status: "success"; feature_id: string; analysis_status: FeatureStatus }
  | { status: "duplicate"; feature_id: string; analysis_status: FeatureStatus };

/**
 * A result callback from the workflow. Checks run in an order that never parses an unauthenticated
 * body: feature (404) → signature over the raw bytes, or ID token (401) → JSON and schema (400) → id
 * match (400). The body may be this app's nested form or the original design's flat one; a flat body
 * names no attempt and answers the feature's current one. A replay, a late copy, or a callback for an
 * attempt already settled is a duplicate.
 */
export async function receiveAnalysisCallback(
  deps: Pick<AnalysisDeps, "db" | "sendEvent" | "now" | "log" | "outbox" | "settings">,
  request: CallbackRequest,
): Promise<CallbackAnswer> {
  const feature = await findFeature(deps.db, request.featureId);
  if (!feature) throw notFound("Feature");
  const raw = await request.readBody();
  await authenticate(deps, feature, request.credential, raw);
  const document = parseJsonBody(raw, analysisDocumentSchema);
  if (document.featureId !== feature.id) {
    throw new AppError(400, "feature_id_mismatch", "feature_id in the body is missing or does not match X-Feature-ID");
  }

  const correlationId = document.correlationId ?? feature.analysisCorrelationId ?? "";
  const event = { featureId: feature.id, correlationId };
  const current = feature.status === "analyzing" && feature.analysisCorrelationId === correlationId;
  if (!current) {
    await addFeatureEvent(deps.db, { ...event, kind: "duplicate_ignored", message: "Callback for an attempt already settled: ignored" });
    return { status: "duplicate", feature_id: feature.id, analysis_status: feature.status };
  }
  const workflowRunId = document.workflowRunId ?? feature.analysisWorkflowRunId ?? undefined;
  await deps.db.update(features).set({ webhookReceivedAt: deps.now() }).where(eq(features.id, feature.id));
  await addFeatureEvent(deps.db, {
    ...event,
    kind: "callback_received",
    message: request.credential.kind === "signature" ? "Signed callback received" : "Callback received with the run's ID token",
    detail: { workflow_run_id: workflowRunId ?? null, credential: request.credential.kind },
  });
  const { recorded, status } = await recordAnalysisOutcome(deps, {
    ...event,
    source: "webhook",
    workflowRunId,
    outcome: outcomeFromResult(document.result),
  });
  if (!recorded)
    await addFeatureEvent(deps.db, {
      ...event,
      kind: "duplicate_ignored",
      message: "Callback arrived after the result was recorded: ignored",
    });
  deps.log.info("analysis callback", { feature_id: feature.id, correlation_id: correlationId, recorded });
  return { status: recorded ? "success" : "duplicate", feature_id: feature.id, analysis_status: status };
}

/** 401 unless the credential proves the callback comes from this feature's repository (and, for a token, its run). */
async function authenticate(deps: Pick<AnalysisDeps, "now" | "settings">, feature: Feature, credential: CallbackCredential, raw: Buffer) {
  if (credential.kind === "signature") {
    if (!isSignedWithFeatureKey(deps.settings.callbackRoots, feature, raw, credential.signature, deps.now())) {
      throw new AppError(401, "invalid_signature", "X-Webhook-Signature does not match the body signed with this repository's key");
    }
    return;
  }
  const { audience, issuers } = deps.settings.oidc;
  if (!audience)
    throw new AppError(401, "invalid_id_token", "ID tokens are not accepted: this server has no callback URL to be their audience");
  const verified = await verifyActionsIdToken(credential.token, { audience, issuers: issuers(), now: deps.now() });
  if (!verified.ok) throw new AppError(401, "invalid_id_token", verified.reason);
  const { repository, run_id: runId } = verified.claims;
  if (repository.toLowerCase() !== feature.repository.toLowerCase()) {
    throw new AppError(401, "invalid_id_token", `The ID token is for ${repository}, not ${feature.repository}`);
  }
  if (feature.analysisWorkflowRunId === null || String(feature.analysisWorkflowRunId) !== runId) {
    throw new AppError(401, "invalid_id_token", `The ID token is for run ${runId}, not the run dispatched for this feature`);
  }
}
