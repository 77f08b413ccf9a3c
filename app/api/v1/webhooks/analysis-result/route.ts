// POST /api/v1/webhooks/analysis-result — the analysis workflow's signed callback (public; signed per feature).
// Checks, in order: headers (400) → feature (404) → body size (413) → signature (401) → JSON/schema/id (400).
import { getConfig } from "@/lib/config";
import { defaultAnalysisDeps } from "@/lib/analysis/default-deps";
import { receiveAnalysisCallback } from "@/lib/analysis/receive-analysis-callback";
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";

export const POST = apiHandler("public", async ({ req, log }) => {
  const signature = req.headers.get("x-webhook-signature");
  const featureId = req.headers.get("x-feature-id");
  if (!signature || !featureId) {
    throw new AppError(400, "missing_header", `Missing header ${signature ? "X-Feature-ID" : "X-Webhook-Signature"}`);
  }
  const answer = await receiveAnalysisCallback(await defaultAnalysisDeps(log), {
    featureId: featureId.trim(),
    signature,
    readBody: () => readBody(req, getConfig().ANALYSIS_CALLBACK_MAX_BYTES),
  });
  return Response.json(answer);
});
