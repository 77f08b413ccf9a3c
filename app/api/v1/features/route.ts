// GET /api/v1/features — features, newest first, by cursor pages (filter: status, q).
// POST /api/v1/features — create a feature (201); its callback secret is stored, never returned.
import { z } from "zod";
import { getDb } from "@/db";
import { getConfig } from "@/lib/config";
import { analysisWebhookSecret } from "@/lib/analysis/webhook-secret";
import { createFeature } from "@/lib/features/create-feature";
import { createFeatureSchema, featureStatusSchema } from "@/lib/features/feature-input";
import { toFeatureView } from "@/lib/features/feature-view";
import { listFeatures } from "@/lib/features/list-features";
import { apiHandler } from "@/lib/http/api-handler";
import { defaultOutbox } from "@/lib/outbound/default-deps";
import { readJson } from "@/lib/http/read-json";
import { decodeCursor, pageSizeSchema } from "@/lib/pagination/cursor";

const query = z.object({
  status: featureStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema,
});

export const GET = apiHandler("user", async ({ req }) => {
  const params = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listFeatures(await getDb(), { ...params, q: params.q || undefined, cursor: decodeCursor(params.cursor) });
  return Response.json(page);
});

export const POST = apiHandler("user", async ({ req, principal, log }) => {
  const input = await readJson(req, createFeatureSchema);
  const feature = await createFeature(
    { db: await getDb(), webhookSecret: analysisWebhookSecret(getConfig()), outbox: defaultOutbox(log) },
    { ...input, createdBy: principal.userId },
  );
  log.info("feature created", { feature_id: feature.id, repository: feature.repository });
  return Response.json(toFeatureView(feature), { status: 201 });
});
