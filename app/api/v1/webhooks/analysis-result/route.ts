// POST /api/v1/webhooks/analysis-result — the analysis workflow's callback (public; proven per feature by
// X-Webhook-Signature with the feature's key, or by `Authorization: Bearer` with the run's GitHub Actions ID token).
// Checks, in order: headers (400) → feature (404) → body size (413) → signature or token (401) → JSON/schema/id (400).
// The body is read here, raw, because the signature covers its exact bytes: no `body` schema.
import { z } from "zod";

import { analysisCallbackSchema } from "@/lib/analysis/analysis-result";
import { receiveAnalysisCallback, type CallbackCredential } from "@/lib/analysis/receive-analysis-callback";
import { AppError } from "@/lib/errors";
import { FEATURE_STATUSES } from "@/lib/features/feature-enums";
import { apiHandler } from "@/lib/http/api-handler";
import { readBody } from "@/lib/http/read-json";

export const POST = apiHandler(
  {
    access: "public",
    doc: {
      operationId: "receiveAnalysisResult",
      summary: "The analysis workflow's signed result callback",
      description:
        "Proven by `X-Webhook-Signature` (the hex HMAC-SHA256 of the raw body with the repository's callback key) or by " +
        "`Authorization: Bearer` with the run's GitHub Actions OIDC ID token.",
      headers: z.object({
        "x-feature-id": z.uuid(),
        "x-webhook-signature": z.string().optional().meta({ description: "Required unless an `Authorization: Bearer` ID token is sent" }),
        authorization: z.string().optional().meta({ description: "`Bearer <GitHub Actions ID token>`, instead of a signature" }),
      }),
      rawBody: {
        schema: analysisCallbackSchema,
        description: "The analysis, nested as the shipped workflow posts it (with its attempt) or flat (the result itself)",
      },
      responses: {
        200: {
          description: "Recorded, or a duplicate of a recorded result",
          schema: z.object({ status: z.enum(["success", "duplicate"]), feature_id: z.uuid(), analysis_status: z.enum(FEATURE_STATUSES) }),
        },
      },
      errors: {
        400: "`missing_header`, `invalid_json`, `validation_error` or `feature_id_mismatch`",
        401: "`invalid_signature` or `invalid_id_token`: the signature does not match the body, or the ID token is not this repository's run",
        404: "`not_found`: no such feature",
        413: "`payload_too_large`: the body is over ANALYSIS_CALLBACK_MAX_BYTES",
      },
    },
  },
  async ({ req, deps }) => {
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
  },
);

function callbackCredential(headers: Headers): CallbackCredential | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (bearer) return { kind: "id_token", token: bearer };
  const signature = headers.get("x-webhook-signature");
  return signature ? { kind: "signature", signature } : null;
}
