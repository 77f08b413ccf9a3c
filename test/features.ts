import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";

import type { Database } from "@/db";
import { features, type Feature } from "@/db/schema";
import { createFeature } from "@/lib/features/create-feature";
import { silentOutbox } from "@/lib/outbound/outbox";

export const TEST_WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";

/** A feature in the demo repository; `analyzing` puts it mid-attempt with a fresh correlation id. */
export async function createTestFeature(
  db: Database,
  input: { repository?: string; analyzing?: boolean; webhookSecret?: string } = {},
): Promise<Feature> {
  const feature = await createFeature(
    { db, webhookSecret: input.webhookSecret ?? TEST_WEBHOOK_SECRET, outbox: silentOutbox },
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
