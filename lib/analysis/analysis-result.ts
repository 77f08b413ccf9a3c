import { z } from "zod";

// The analysis result an analysis command writes. Two shapes are in use and both are accepted: the
// original design's (seed 000: warnings as objects, recommendations as `{approach, alternatives}`, tasks
// with `id/task_type`, risks with `category`) and the one this app's workflow writes (plain strings,
// tasks with `title`, risks with `risk`). Every part is optional and unknown keys are kept: the command
// evolves faster than this app, and nothing it writes may be lost. Labels (levels, severities, types) are
// free text because commands spell them differently ("Medium", "medium").
const text = z.string().max(20_000);
const label = z.string().max(200);
const hours = z.number().min(0);

const warningSchema = z.union([text, z.looseObject({ message: text.optional(), type: label.optional(), severity: label.optional() })]);

const complexitySchema = z.looseObject({
  level: label.optional(),
  score: z.number().min(0).optional(),
  story_points: z.number().min(0).optional(),
  estimated_hours: hours.optional(),
  rationale: text.optional(),
});

const implementationTaskSchema = z.looseObject({
  id: z.union([label, z.number()]).optional(),
  title: text.optional(),
  description: text.optional(),
  task_type: label.optional(),
  estimate_hours: hours.optional(),
  depends_on: z.array(text).optional(),
});

const technicalRiskSchema = z.looseObject({
  risk: text.optional(),
  category: label.optional(),
  description: text.optional(),
  severity: label.optional(),
  mitigation: text.optional(),
});

const affectedModuleSchema = z.union([text, z.looseObject({ path: text, reason: text.optional(), change_type: label.optional() })]);

const recommendationsSchema = z.union([
  z.array(text),
  z.looseObject({ approach: text.optional(), alternatives: z.array(text).optional() }),
]);

export const analysisResultSchema = z.looseObject({
  warnings: z.array(warningSchema).optional(),
  repository_state: z.looseObject({}).nullish(),
  complexity: complexitySchema.nullish(),
  affected_modules: z.array(affectedModuleSchema).optional(),
  implementation_tasks: z.array(implementationTaskSchema).optional(),
  technical_risks: z.array(technicalRiskSchema).optional(),
  recommendations: recommendationsSchema.optional(),
  /** Set when the analysis command itself failed: the attempt is recorded as failed with this reason. */
  error: z.union([text, z.looseObject({ message: text.optional() })]).nullish(),
  stack: text.nullish(),
  raw_output: z.string().max(200_000).nullish(),
  metadata: z
    .looseObject({
      model: z.string().optional(),
      tokens_used: z.number().int().min(0).optional(),
      duration_ms: z.number().min(0).optional(),
      workflow_run_id: z.union([z.number(), label]).optional(),
    })
    .nullish(),
});

export type AnalysisResult = z.output<typeof analysisResultSchema>;

/** This app's workflow posts the result wrapped, with the attempt it answers. */
const nestedDocumentSchema = z.object({
  feature_id: z.string().min(1).max(100),
  correlation_id: z.string().min(1).max(100),
  workflow_run_id: z.number().int().positive().optional(),
  analysis: analysisResultSchema,
});

/** The original design's flat body: the result itself, with `feature_id` at the top and no attempt id. */
const flatDocumentSchema = analysisResultSchema.extend({
  feature_id: z.string().min(1).max(100).optional(),
  analysis: z.never().optional(),
});

export interface AnalysisDocument {
  featureId: string | undefined;
  /** Only the nested form names its attempt; a flat result answers the feature's current attempt. */
  correlationId: string | undefined;
  workflowRunId: number | undefined;
  /** The result as written, every field kept (for the flat form: the whole body). */
  result: AnalysisResult;
}

/** A callback body or artifact file, in either form, as written. */
export const analysisCallbackSchema = z.union([nestedDocumentSchema, flatDocumentSchema]);

/** A callback body or artifact file in either form, read into one shape. */
export const analysisDocumentSchema = analysisCallbackSchema.transform((document): AnalysisDocument =>
  "correlation_id" in document && document.analysis
    ? {
        featureId: document.feature_id,
        correlationId: document.correlation_id,
        workflowRunId: document.workflow_run_id,
        result: document.analysis,
      }
    : { featureId: document.feature_id, correlationId: undefined, workflowRunId: undefined, result: document },
);

/** The reason a result gives for failing, as words. */
export function resultError(result: AnalysisResult): string | null {
  const { error } = result;
  if (!error) return null;
  if (typeof error === "string") return error;
  return error.message ?? JSON.stringify(error);
}

/** The artifact `feature-analysis-{feature id}` holds this file (the result JSON). */
export const ANALYSIS_ARTIFACT_FILE = "analysis.json";
export const analysisArtifactName = (featureId: string) => `feature-analysis-${featureId}`;
export const ANALYSIS_WORKFLOW_INPUTS = ["feature_id", "feature_description", "callback_url", "correlation_id"] as const;
/** The run name carries the correlation id, so a run can be found when dispatch answers 204 without its id. */
export const analysisRunName = (featureId: string, correlationId: string) => `Analyze feature ${featureId} [${correlationId}]`;
