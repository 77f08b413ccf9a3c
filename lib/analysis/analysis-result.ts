import { z } from "zod";

// The analysis result written by the workflow (seed 000's schema). Every part is optional and unknown keys
// are kept: the analysis command evolves faster than this app, and nothing it adds may be lost.
const text = z.string().max(20_000);
const severity = z.enum(["low", "medium", "high", "critical"]);

const complexitySchema = z.looseObject({
  level: z.enum(["trivial", "low", "medium", "high", "very_high"]).optional(),
  score: z.number().min(0).max(10).optional(),
  estimated_hours: z.number().min(0).optional(),
  rationale: text.optional(),
});

const implementationTaskSchema = z.looseObject({
  title: text,
  description: text.optional(),
  estimate_hours: z.number().min(0).optional(),
  depends_on: z.array(text).optional(),
});

const technicalRiskSchema = z.looseObject({
  risk: text,
  severity: severity.optional(),
  mitigation: text.optional(),
});

const affectedModuleSchema = z.union([text, z.looseObject({ path: text, reason: text.optional(), change_type: z.string().optional() })]);

export const analysisResultSchema = z.looseObject({
  warnings: z.array(text).optional(),
  repository_state: z.looseObject({}).nullish(),
  complexity: complexitySchema.nullish(),
  affected_modules: z.array(affectedModuleSchema).optional(),
  implementation_tasks: z.array(implementationTaskSchema).optional(),
  technical_risks: z.array(technicalRiskSchema).optional(),
  recommendations: z.array(text).optional(),
  /** Set when the analysis command itself failed: the attempt is recorded as failed with this reason. */
  error: text.nullish(),
  stack: text.nullish(),
  raw_output: z.string().max(200_000).nullish(),
  metadata: z
    .looseObject({
      model: z.string().optional(),
      tokens_used: z.number().int().min(0).optional(),
      duration_ms: z.number().min(0).optional(),
    })
    .nullish(),
});

export type AnalysisResult = z.output<typeof analysisResultSchema>;

/** What the shipped workflow posts to /api/v1/webhooks/analysis-result. */
export const analysisCallbackSchema = z.object({
  feature_id: z.uuid(),
  correlation_id: z.string().min(1).max(100),
  workflow_run_id: z.number().int().positive().optional(),
  analysis: analysisResultSchema,
});

/** The artifact `feature-analysis-{feature id}` holds this file (the result JSON). */
export const ANALYSIS_ARTIFACT_FILE = "analysis.json";
export const analysisArtifactName = (featureId: string) => `feature-analysis-${featureId}`;
export const ANALYSIS_WORKFLOW_INPUTS = ["feature_id", "feature_description", "callback_url", "correlation_id"] as const;
/** The run name carries the correlation id, so a run can be found when dispatch answers 204 without its id. */
export const analysisRunName = (featureId: string, correlationId: string) => `Analyze feature ${featureId} [${correlationId}]`;
