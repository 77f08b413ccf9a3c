import { z } from "zod";

import {
  ANALYSIS_SOURCES,
  ANALYSIS_STATUSES,
  FEATURE_EVENT_KINDS,
  FEATURE_PRIORITIES,
  FEATURE_STATUSES,
} from "@/lib/features/feature-enums";

import { anyJson, isoTime } from "./common-schemas";

/** A feature as the examples show it. */
export const exampleFeature = {
  id: "4f8f3c2e-3a39-4bd0-9a4e-0d6a51c0c1f1",
  name: "Dark mode",
  description: "Let people switch the app to a dark theme",
  priority: "medium",
  status: "pending",
  repository: "demo-org/demo-app",
  github_issue_url: null,
  failure_reason: null,
  created_by: "0b6f3c6e-2f4e-4e0e-9a57-3f1d2c8b7a10",
  analysis_request: null,
  created_at: "2026-11-23T09:00:00.000Z",
  updated_at: "2026-11-23T09:00:00.000Z",
};

/** lib/features/feature-view.ts `toFeatureView`. */
export const featureView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    priority: z.enum(FEATURE_PRIORITIES),
    status: z.enum(FEATURE_STATUSES),
    repository: z.string(),
    github_issue_url: z.string().nullable(),
    failure_reason: z.string().nullable(),
    created_by: z.string().nullable().meta({ description: "The user who created it; null once that account is deleted" }),
    analysis_request: z
      .object({
        correlation_id: z.string(),
        workflow_run_id: z.number().nullable(),
        callback_url: z.string().nullable(),
        requested_at: isoTime.nullable(),
        webhook_received_at: isoTime.nullable(),
        last_polled_at: isoTime.nullable(),
      })
      .nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .meta({
    id: "Feature",
    example: exampleFeature,
  });

/** Where a workflow run can be seen on GitHub, when the run is known. */
const workflowRunUrl = z.string().nullable();

const analysisView = z.object({
  id: z.uuid(),
  correlation_id: z.string(),
  source: z.enum(ANALYSIS_SOURCES),
  status: z.enum(ANALYSIS_STATUSES),
  result: anyJson.nullable(),
  error: z.string().nullable(),
  model_used: z.string().nullable(),
  tokens_used: z.number().nullable(),
  workflow_run_id: z.number().nullable(),
  completed_at: isoTime,
  workflow_run_url: workflowRunUrl,
});

const featureEventView = z.object({
  id: z.uuid(),
  correlation_id: z.string().nullable(),
  kind: z.enum(FEATURE_EVENT_KINDS),
  message: z.string(),
  detail: anyJson.nullable(),
  created_at: isoTime,
});

/** lib/features/get-feature-detail.ts. */
export const featureDetail = featureView
  .extend({
    workflow_run_url: workflowRunUrl.meta({ description: "The current attempt's workflow run on GitHub" }),
    analyses: z
      .array(analysisView)
      .meta({ description: "Every recorded attempt, newest first; `result` is stored as the command wrote it" }),
    events: z.array(featureEventView),
  })
  .meta({ id: "FeatureDetail" });
