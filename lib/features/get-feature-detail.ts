import "server-only";

import { asc, desc, eq } from "drizzle-orm";

import type { Database } from "@/db";
import { analyses, featureEvents } from "@/db/schema";
import { found } from "@/lib/errors";

import { toAnalysisView, toFeatureEventView, toFeatureView, type FeatureDetailView } from "./feature-view";
import { findFeature } from "./find-feature";

/** A feature with its analyses (newest first) and its timeline (oldest first); 404 when unknown. */
export async function getFeatureDetail(db: Database, id: string): Promise<FeatureDetailView> {
  const feature = found(await findFeature(db, id), "Feature");
  const [analysisRows, eventRows] = await Promise.all([
    db.select().from(analyses).where(eq(analyses.featureId, id)).orderBy(desc(analyses.completedAt)),
    db.select().from(featureEvents).where(eq(featureEvents.featureId, id)).orderBy(asc(featureEvents.createdAt)).limit(500),
  ]);
  return { ...toFeatureView(feature), analyses: analysisRows.map(toAnalysisView), events: eventRows.map(toFeatureEventView) };
}
