import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { analyses, features, jobEvents } from "@/db/schema";
import { featureCallbackKey, repositoryCallbackKey, signCallbackBody } from "@/lib/analysis/callback-signature";
import { callbackBody, postAnalysisCallback, signedCallbackHeaders } from "@/test/analysis";
import { seedAnalysisResults } from "@/test/analysis-fixtures";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createTestFeature, TEST_WEBHOOK_SECRET } from "@/test/features";

const { db } = await setUpTestDatabase();
await startAppTestExecutor(db);
const errorCode = async (response: Response) => (await response.json()).error.code;

describe("POST /api/v1/webhooks/analysis-result", () => {
  it("records a valid callback (200 success) and answers a replay as a duplicate that changes nothing", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const body = callbackBody(feature);
    const first = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "success", feature_id: feature.id, analysis_status: "completed" });

    const replay = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "duplicate", feature_id: feature.id, analysis_status: "completed" });

    const rows = await db.select().from(analyses).where(eq(analyses.featureId, feature.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "webhook", status: "completed", workflowRunId: 9001 });
    expect(rows[0]!.result).toMatchObject({ custom_field: { kept: true } });
    const [after] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(after).toMatchObject({ status: "completed", failureReason: null });
    expect(after!.webhookReceivedAt).toBeInstanceOf(Date);
    const sent = await db.select().from(jobEvents).where(eq(jobEvents.name, "feature/analysis.recorded"));
    expect(sent.map((event) => event.data)).toContainEqual({ feature_id: feature.id, correlation_id: feature.analysisCorrelationId });
  });

  it("records a result carrying an error as a failed analysis with that reason", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const body = callbackBody(feature, { analysis: { error: "analysis command exited 2" } });
    const response = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
    expect(await response.json()).toMatchObject({ status: "success", analysis_status: "failed" });
    const [after] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(after).toMatchObject({ status: "failed", failureReason: "analysis command exited 2" });
  });

  it("answers 400 for a missing header, before anything else", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const body = callbackBody(feature);
    const noSignature = await postAnalysisCallback(body, { "x-feature-id": feature.id });
    expect(noSignature.status).toBe(400);
    expect(await errorCode(noSignature)).toBe("missing_header");
    const noFeature = await postAnalysisCallback(body, { "x-webhook-signature": "ab".repeat(32) });
    expect(noFeature.status).toBe(400);
  });

  it("answers 404 for an unknown feature without looking at the body", async () => {
    const response = await postAnalysisCallback("{not json", {
      "x-feature-id": "7d9f6c52-0d8e-4c4f-8a53-5cf2f0f5a111",
      "x-webhook-signature": "ab".repeat(32),
    });
    expect(response.status).toBe(404);
  });

  it("answers 401 for a bad signature, before parsing the body", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const tampered = await postAnalysisCallback(
      callbackBody(feature).replace("medium", "low"),
      signedCallbackHeaders(feature, callbackBody(feature)),
    );
    expect(tampered.status).toBe(401);
    expect(await errorCode(tampered)).toBe("invalid_signature");
    const unparsable = await postAnalysisCallback("{not json", { "x-feature-id": feature.id, "x-webhook-signature": "00".repeat(32) });
    expect(unparsable.status).toBe(401);
    const [after] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(after!.status).toBe("analyzing");
  });

  it("answers 400 for signed invalid JSON, a schema error, and a feature id mismatch", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const other = await createTestFeature(db);
    const cases: [string, string][] = [
      ["{not json", "invalid_json"],
      [JSON.stringify({ feature_id: feature.id, correlation_id: "c", analysis: { implementation_tasks: "many" } }), "validation_error"],
      [callbackBody(feature, { feature_id: other.id }), "feature_id_mismatch"],
    ];
    for (const [body, code] of cases) {
      const response = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
      expect(response.status, code).toBe(400);
      expect(await errorCode(response)).toBe(code);
    }
    expect(await db.select().from(analyses).where(eq(analyses.featureId, feature.id))).toHaveLength(0);
  });

  it("answers 413 past the body limit", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const body = callbackBody(feature, { analysis: { raw_output: "x".repeat(1_100_000) } });
    const response = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
    expect(response.status).toBe(413);
  });

  it("treats a callback for an earlier attempt as a duplicate", async () => {
    const feature = await createTestFeature(db, { analyzing: true });
    const stale = callbackBody(feature, { correlation_id: "an-earlier-attempt" });
    const response = await postAnalysisCallback(stale, signedCallbackHeaders(feature, stale));
    expect(await response.json()).toEqual({ status: "duplicate", feature_id: feature.id, analysis_status: "analyzing" });
  });

  it.each(seedAnalysisResults.map((fixture) => [fixture.name, fixture] as const))(
    "records the original design's flat %s against the current attempt, every field kept",
    async (name, fixture) => {
      const feature = await createTestFeature(db, { analyzing: true });
      const body = fixture.forFeature(feature.id);
      const response = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
      const failed = name === "seed-error";
      expect(await response.json()).toEqual({
        status: "success",
        feature_id: feature.id,
        analysis_status: failed ? "failed" : "completed",
      });
      const [row] = await db.select().from(analyses).where(eq(analyses.featureId, feature.id));
      expect(row).toMatchObject({
        correlationId: feature.analysisCorrelationId,
        workflowRunId: 9001,
        error: failed ? "Analysis timeout" : null,
      });
      expect(row!.result).toEqual(JSON.parse(body));
    },
  );

  it("answers 401 for a signature made with another repository's key, and for the bare root secret", async () => {
    const feature = await createTestFeature(db, { analyzing: true, repository: "demo-org/demo-app" });
    const body = callbackBody(feature);
    const otherRepositoryKey = repositoryCallbackKey(TEST_WEBHOOK_SECRET, "demo-org/another-app");
    for (const key of [featureCallbackKey(otherRepositoryKey, feature.id), featureCallbackKey(TEST_WEBHOOK_SECRET, feature.id)]) {
      const response = await postAnalysisCallback(body, { "x-feature-id": feature.id, "x-webhook-signature": signCallbackBody(key, body) });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe("invalid_signature");
    }
    // The repository's own key, whatever the case of its name, signs it.
    const ownKey = featureCallbackKey(repositoryCallbackKey(TEST_WEBHOOK_SECRET, "Demo-Org/Demo-App"), feature.id);
    const signed = await postAnalysisCallback(body, { "x-feature-id": feature.id, "x-webhook-signature": signCallbackBody(ownKey, body) });
    expect(signed.status).toBe(200);
  });
});
