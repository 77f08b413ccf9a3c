import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { features, type Feature } from "@/db/schema";
import { featureCallbackKey, repositoryCallbackKey } from "@/lib/analysis/callback-signature";
import { createFeature } from "@/lib/features/create-feature";
import type { CreateFeatureInput } from "@/lib/features/feature-input";
import { silentOutbox } from "@/lib/outbound/outbox";

export const TEST_WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";

/** The key the workflow in `repository` signs a feature's callbacks with, under TEST_WEBHOOK_SECRET. */
export const testFeatureCallbackKey = (feature: Pick<Feature, "id" | "repository">, root = TEST_WEBHOOK_SECRET) =>
  featureCallbackKey(repositoryCallbackKey(root, feature.repository), feature.id);

/**
 * A feature in the demo repository, by nobody unless `createdBy` says; `analyzing` puts it mid-attempt with a
 * fresh correlation id, on workflow run `workflowRunId` (9001 unless given; null: not dispatched yet).
 */
export async function createTestFeature(
  db: Database,
  {
    analyzing,
    workflowRunId = 9001,
    ...input
  }: Partial<CreateFeatureInput> & { createdBy?: string | null; analyzing?: boolean; workflowRunId?: number | null } = {},
): Promise<Feature> {
  const feature = await createFeature(
    { db, outbox: silentOutbox },
    {
      name: "Export invoices as CSV",
      description: "Finance wants a CSV export of all invoices for a month, with totals per customer.",
      priority: "high",
      repository: "demo-org/demo-app",
      createdBy: null,
      ...input,
    },
  );
  if (!analyzing) return feature;
  const [row] = await db
    .update(features)
    .set({
      status: "analyzing",
      analysisCorrelationId: randomUUID(),
      analysisRequestedAt: new Date(),
      analysisWorkflowRunId: workflowRunId,
    })
    .where(eq(features.id, feature.id))
    .returning();
  return row!;
}
