// POST /api/v1/webhooks/analysis-result — the analysis workflow's signed callback (public; signed per feature).
// Checks, in order: headers (400) → feature (404) → body size (413) → signature (401) → JSON/schema/id (400).
// The body is read here, raw, because the signature covers its exact bytes: no `body` schema.
import { receiveAnalysisCallback } from "@/lib/analysis/receive-analysis-callback";
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";

export const POST = apiHandler({ access: "public" }, async ({ req, deps }) => {
  const signature = req.headers.get("x-webhook-signature");
  const featureId = req.headers.get("x-feature-id");
  if (!signature || !featureId) {
    throw new AppError(400, "missing_header", `Missing header ${signature ? "X-Feature-ID" : "X-Webhook-Signature"}`);
  }
  const answer = await receiveAnalysisCallback(await deps.analysis(), {
    featureId: featureId.trim(),
    signature,
    readBody: () => readBody(req, deps.config().ANALYSIS_CALLBACK_MAX_BYTES),
  });
  return Response.json(answer);
});
