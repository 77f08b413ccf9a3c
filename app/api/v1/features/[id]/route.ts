// GET /api/v1/features/{id} — a feature with its analyses and its analysis timeline.
import { getDb } from "@/db";
import { getFeatureDetail } from "@/lib/features/get-feature-detail";
import { apiHandler } from "@/lib/http/api-handler";

export const GET = apiHandler<{ id: string }>("user", async ({ params }) =>
  Response.json(await getFeatureDetail(await getDb(), params.id)),
);
