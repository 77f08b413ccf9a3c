import { z } from "zod";

import { ANALYSIS_SOURCES, ANALYSIS_STATUSES, FEATURE_PRIORITIES } from "@/lib/features/feature-enums";
import { anyJson } from "@/lib/openapi/common-schemas";
import { exampleFeature, featureView } from "@/lib/openapi/feature-schemas";
import { linkedAccountView, userView } from "@/lib/openapi/user-schemas";

import type { EventType } from "./event-types";

/** One version of an event type's `data`: a breaking change to it is a new version, and the old one stays listed. */
export interface EventVersion {
  version: number;
  description: string;
  schema: z.ZodType;
  example: Record<string, unknown>;
}

const exampleUser = {
  id: "0b6f3c6e-2f4e-4e0e-9a57-3f1d2c8b7a10",
  login: "pm-alice",
  name: "Alice",
  email: "alice@example.com",
  role: "member",
  created_at: "2026-11-23T09:00:00.000Z",
};
const exampleAccount = { provider: "github", provider_account_id: "583231" };

const user = z.object({ user: userView });
const userAccount = z.object({ user: userView, account: linkedAccountView });
const analysisOutcome = z.object({
  feature: featureView,
  analysis: z.object({
    correlation_id: z.string(),
    source: z.enum(ANALYSIS_SOURCES),
    status: z.enum(ANALYSIS_STATUSES),
    error: z.string().nullable(),
    result: anyJson.nullable(),
  }),
});

const was = (value: z.ZodType) => z.object({ from: value }).optional();
const featureChanges = z
  .object({
    name: was(z.string()),
    description: was(z.string()),
    priority: was(z.enum(FEATURE_PRIORITIES)),
    repository: was(z.string()),
    github_issue_url: was(z.string().nullable()),
  })
  .meta({ description: "Each changed field with its previous value" });

/**
 * Every outbound event type with the versions of its `data`, oldest first; an event is emitted at its
 * type's newest version. The JSON Schemas and examples at GET /api/v1/event-types come from here, and the
 * tests check every emitted event against its schema (test/check-events.ts).
 */
export const EVENT_CATALOGUE: Record<EventType, readonly EventVersion[]> = {
  "user.created": [{ version: 1, description: "A person signed in for the first time", schema: user, example: { user: exampleUser } }],
  "user.login": [{ version: 1, description: "A person signed in", schema: user, example: { user: exampleUser } }],
  "user.updated": [
    {
      version: 1,
      description: "A person changed their display name; `changes` holds the previous values",
      schema: z.object({ user: userView, changes: z.object({ name: z.object({ from: z.string().nullable() }) }) }),
      example: { user: exampleUser, changes: { name: { from: "Alice A." } } },
    },
  ],
  "user.deleted": [{ version: 1, description: "A person deleted their account", schema: user, example: { user: exampleUser } }],
  "user.oauth_linked": [
    {
      version: 1,
      description: "A sign-in account was linked",
      schema: userAccount,
      example: { user: exampleUser, account: exampleAccount },
    },
  ],
  "user.oauth_unlinked": [
    {
      version: 1,
      description: "A sign-in account was unlinked",
      schema: userAccount,
      example: { user: exampleUser, account: exampleAccount },
    },
  ],
  "feature.created": [{ version: 1, description: "A feature was created", schema: featureView, example: exampleFeature }],
  "feature.updated": [
    {
      version: 1,
      description: "A feature's name, description, priority, repository or issue link changed; `changes` holds the previous values",
      schema: z.object({ feature: featureView, changes: featureChanges, updated_by: z.string() }),
      example: {
        feature: { ...exampleFeature, priority: "high", updated_at: "2026-11-23T10:00:00.000Z" },
        changes: { priority: { from: "medium" } },
        updated_by: exampleUser.id,
      },
    },
  ],
  "feature.deleted": [
    {
      version: 1,
      description: "A feature was deleted, with its analyses",
      schema: z.object({ feature: featureView, deleted_by: z.string() }),
      example: { feature: exampleFeature, deleted_by: exampleUser.id },
    },
  ],
  "feature.analysis.completed": [
    {
      version: 1,
      description: "A feature's analysis came home with a result",
      schema: analysisOutcome,
      example: {
        feature: { ...exampleFeature, status: "completed" },
        analysis: { correlation_id: "c0ffee", source: "webhook", status: "completed", error: null, result: { complexity: { score: 3 } } },
      },
    },
  ],
  "feature.analysis.failed": [
    {
      version: 1,
      description: "A feature's analysis failed",
      schema: analysisOutcome,
      example: {
        feature: { ...exampleFeature, status: "failed", failure_reason: "The workflow run failed" },
        analysis: { correlation_id: "c0ffee", source: "polling", status: "failed", error: "The workflow run failed", result: null },
      },
    },
  ],
  "feature.analysis.cancelled": [
    {
      version: 1,
      description: "A feature's running analysis was cancelled; the feature is back where it stood before",
      schema: z.object({ feature: featureView, analysis: z.object({ correlation_id: z.string(), reason: z.string() }) }),
      example: {
        feature: exampleFeature,
        analysis: { correlation_id: "c0ffee", reason: "cancelled by pm-alice" },
      },
    },
  ],
  "project.updated": [
    {
      version: 1,
      description: "A tracked project's plan was read again: its task progress at a commit",
      schema: z.object({
        project_id: z.uuid(),
        repository: z.string(),
        commit_sha: z.string(),
        plan_path: z.string(),
        total_tasks: z.number().int(),
        done_tasks: z.number().int(),
        sections: z.array(z.object({ heading: z.string(), total: z.number().int(), done: z.number().int() })),
        reason: z.string().meta({ description: "What made it read the plan: a push, a refresh, tracking it, …" }),
      }),
      example: {
        project_id: "7d3c8f5a-1e2b-4c6d-8e9f-0a1b2c3d4e5f",
        repository: "demo-org/demo-app",
        commit_sha: "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a",
        plan_path: "PLAN.md",
        total_tasks: 12,
        done_tasks: 5,
        sections: [{ heading: "Milestone 1", total: 12, done: 5 }],
        reason: "push",
      },
    },
  ],
  "endpoint.paused": [
    {
      version: 1,
      description: "An endpoint was paused: it answered 410 Gone, or too many deliveries failed in a row",
      schema: z.object({ endpoint_id: z.string(), reason: z.string() }),
      example: { endpoint_id: "crm", reason: "5 deliveries failed in a row" },
    },
  ],
  "webhook.test": [
    {
      version: 1,
      description: "A test event an admin sent to one endpoint",
      schema: z.object({ endpoint_id: z.string(), message: z.string(), requested_by: z.string().nullable() }),
      example: { endpoint_id: "crm", message: "A test event sent from Hooksmith", requested_by: "ops-admin" },
    },
  ],
};

/** The version new events of `type` are emitted at. */
export function currentEventVersion(type: EventType): EventVersion {
  return EVENT_CATALOGUE[type].at(-1)!;
}

/** The schema of `data` for that type and version, if the catalogue lists it. */
export function eventDataSchema(type: string, version: number): z.ZodType | undefined {
  return EVENT_CATALOGUE[type as EventType]?.find((entry) => entry.version === version)?.schema;
}
