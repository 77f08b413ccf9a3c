// Plain tuples with no imports, so the create form and the pages can use them without shipping drizzle to
// the browser. The pgEnums in db/schema/features.ts, the zod schemas and the UI all read these.

/** Where a feature's analysis stands: the `feature_status` pgEnum. */
export const FEATURE_STATUSES = ["pending", "analyzing", "completed", "failed"] as const;
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];

/** How urgent a feature is: the `feature_priority` pgEnum. */
export const FEATURE_PRIORITIES = ["low", "medium", "high", "critical"] as const;
export type FeaturePriority = (typeof FEATURE_PRIORITIES)[number];

/** How a recorded analysis ended: the `status` column of analyses. */
export const ANALYSIS_STATUSES = ["completed", "failed"] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

/** Which way an analysis result came home: the `analysis_source` pgEnum. */
export const ANALYSIS_SOURCES = ["webhook", "workflow_run_event", "polling"] as const;
export type AnalysisSource = (typeof ANALYSIS_SOURCES)[number];

/** The steps of a feature's analysis timeline: the `feature_event_kind` pgEnum. */
export const FEATURE_EVENT_KINDS = [
  "requested",
  "polled",
  "callback_received",
  "workflow_run_received",
  "duplicate_ignored",
  "transient_error",
  "completed",
  "failed",
  "cancelled",
  "dispatch_failed",
] as const;
export type FeatureEventKind = (typeof FEATURE_EVENT_KINDS)[number];
