import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { features, type Feature } from "@/db/schema";
import { featureCallbackKey, repositoryCallbackKey } from "@/lib/analysis/callback-signature";
import { createFeature } from "@/lib/features/create-feature";
import { silentOutbox } from "@/lib/outbound/outbox";

export const TEST_WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";

/** The key the workflow in `repository` signs a feature's callbacks with, under TEST_WEBHOOK_SECRET. */
export const testFeatureCallbackKey = (feature: Pick<Feature, "id" | "repository">, root = TEST_WEBHOOK_SECRET) =>
  featureCallbackKey(repositoryCallbackKey(root, feature.repository), feature.id);

/** A feature in the demo repository; `analyzing` puts it mid-attempt with a fresh correlation id. */
export async function createTestFeature(db: Database, input: { repository?: string; analyzing?: boolean } = {}): Promise<Feature> {
  const feature = await createFeature(
    { db, outbox: silentOutbox },
    {
      name: "Export invoices as CSV",
      description: "Finance wants a CSV export of all invoices for a month, with totals per customer.",
      priority: "high",
      repository: input.repository ?? "demo-org/demo-app",
      createdBy: null,
    },
  );
  if (!input.analyzing) return feature;
  const [analyzing] = await db
    .update(features)
    .set({ status: "analyzing", analysisCorrelationId: randomUUID(), analysisRequestedAt: new Date(), analysisWorkflowRunId: 9001 })
    .where(eq(features.id, feature.id))
    .returning();
  return analyzing!;
}
