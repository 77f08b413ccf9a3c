// POST /api/v1/webhooks/analysis-result — the analysis workflow's signed callback (public; signed per feature).
// Checks, in order: headers (400) → feature (404) → body size (413) → signature (401) → JSON/schema/id (400).
// The body is read here, raw, because the signature covers its exact bytes: no `body` schema.
import { z } from "zod";

import { analysisCallbackSchema } from "@/lib/analysis/analysis-result";
import { receiveAnalysisCallback } from "@/lib/analysis/receive-analysis-callback";
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
      description: "`X-Webhook-Signature` is the hex HMAC-SHA256 of the raw body with the feature's callback key.",
      headers: z.object({ "x-webhook-signature": z.string(), "x-feature-id": z.uuid() }),
      rawBody: { schema: analysisCallbackSchema, description: "The analysis, as the shipped workflow posts it" },
      responses: {
        200: {
          description: "Recorded, or a duplicate of a recorded result",
          schema: z.object({ status: z.enum(["success", "duplicate"]), feature_id: z.uuid(), analysis_status: z.enum(FEATURE_STATUSES) }),
        },
      },
      errors: {
        400: "`missing_header`, `invalid_json`, `validation_error` or `feature_id_mismatch`",
        401: "`invalid_signature`: the signature does not match the body",
        404: "`not_found`: no such feature",
        413: "`payload_too_large`: the body is over ANALYSIS_CALLBACK_MAX_BYTES",
      },
    },
  },
  async ({ req, deps }) => {
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
  },
);
