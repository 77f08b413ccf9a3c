import "server-only";

import { asc, desc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { analyses, featureEvents } from "@/db/schema";
import { found } from "@/lib/errors";

import { toAnalysisView, toFeatureEventView, toFeatureView, type FeatureDetailView } from "./feature-view";
import { findFeature } from "./find-feature";

/** Where a workflow run can be seen on GitHub. */
export type RunUrl = (repository: string, runId: number) => string;

/**
 * A feature with its analyses (newest first) and its timeline (oldest first); 404 when unknown. With
 * `runUrl`, each workflow run is linked (`workflow_run_url`).
 */
export async function getFeatureDetail(db: Database, id: string, runUrl?: RunUrl): Promise<FeatureDetailView> {
  const feature = found(await findFeature(db, id), "Feature");
  const [analysisRows, eventRows] = await Promise.all([
    db.select().from(analyses).where(eq(analyses.featureId, id)).orderBy(desc(analyses.completedAt)),
    db.select().from(featureEvents).where(eq(featureEvents.featureId, id)).orderBy(asc(featureEvents.createdAt)).limit(500),
  ]);
  const link = (runId: number | null) => (runId && runUrl ? runUrl(feature.repository, runId) : null);
  return {
    ...toFeatureView(feature),
    workflow_run_url: link(feature.analysisWorkflowRunId),
    analyses: analysisRows.map((row) => ({ ...toAnalysisView(row), workflow_run_url: link(row.workflowRunId) })),
    events: eventRows.map(toFeatureEventView),
  };
}
