// POST /api/v1/webhooks/analysis-result — the analysis workflow's callback (public; proven per feature by
// X-Webhook-Signature with the feature's key, or by `Authorization: Bearer` with the run's GitHub Actions ID token).
// Checks, in order: headers (400) → feature (404) → body size (413) → signature or token (401) → JSON/schema/id (400).
// The body is read here, raw, because the signature covers its exact bytes: no `body` schema.
import { receiveAnalysisCallback, type CallbackCredential } from "@/lib/analysis/receive-analysis-callback";
import { AppError } from "@/lib/errors";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";

export const POST = apiHandler({ access: "public" }, async ({ req, deps }) => {
  const featureId = req.headers.get("x-feature-id");
  const credential = callbackCredential(req.headers);
  if (!credential || !featureId) {
    throw new AppError(
      400,
      "missing_header",
      `Missing header ${credential ? "X-Feature-ID" : "X-Webhook-Signature (or Authorization: Bearer)"}`,
    );
  }
  const answer = await receiveAnalysisCallback(await deps.analysis(), {
    featureId: featureId.trim(),
    credential,
    readBody: () => readBody(req, deps.config().ANALYSIS_CALLBACK_MAX_BYTES),
  });
  return Response.json(answer);
});

function callbackCredential(headers: Headers): CallbackCredential | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (bearer) return { kind: "id_token", token: bearer };
  const signature = headers.get("x-webhook-signature");
  return signature ? { kind: "signature", signature } : null;
}
