import "server-only";

import { eq, getTableColumns, inArray, or, sql } from "drizzle-orm";

import type { Database } from "@/db";
import { analyses, features, projects, webhookEvents, type WebhookEventStatus } from "@/db/schema";
import type { EventConcerns } from "@/lib/outbound/event-concerns";
import type { Cursor } from "@/lib/pagination/cursor";
import { equalsWhenSet, keysetPage, newestFirst } from "@/lib/pagination/keyset";

import { toWebhookEventView } from "./webhook-event-view";

export interface ListWebhookEventsInput {
  type?: string;
  status?: WebhookEventStatus;
  repository?: string;
  cursor?: Cursor;
  limit: number;
}

/**
 * The inbound event log, newest first, by keyset pages (each filter has its own index). Each event says
 * what it concerns: the feature whose analysis run it reports, the tracked project of its repository, its sender.
 */
export async function listWebhookEvents(db: Database, input: ListWebhookEventsInput) {
  const { payload: _payload, ...columns } = getTableColumns(webhookEvents);
  const query = db
    .select({
      ...columns,
      createdAt: webhookEvents.receivedAt,
      sender: sql<string | null>`${webhookEvents.payload} -> 'sender' ->> 'login'`,
      workflowRunId: sql<string | null>`${webhookEvents.payload} -> 'workflow_run' ->> 'id'`,
    })
    .from(webhookEvents)
    .$dynamic();
  const rows = await newestFirst(query, { createdAt: webhookEvents.receivedAt, id: webhookEvents.id }, input, [
    equalsWhenSet(webhookEvents.eventType, input.type),
    equalsWhenSet(webhookEvents.status, input.status),
    equalsWhenSet(webhookEvents.repository, input.repository),
  ]);
  const page = rows.slice(0, input.limit);
  const runIds = [
    ...new Set(page.flatMap((row) => (row.workflowRunId && /^\d+$/.test(row.workflowRunId) ? [Number(row.workflowRunId)] : []))),
  ];
  const repositories = [...new Set(page.flatMap((row) => (row.repository ? [row.repository.toLowerCase()] : [])))];
  // The run a feature's analysis is on now, or one an earlier analysis of it ran.
  const runs = runIds.length
    ? await db
        .selectDistinct({ id: features.id, name: features.name, current: features.analysisWorkflowRunId, past: analyses.workflowRunId })
        .from(features)
        .leftJoin(analyses, eq(analyses.featureId, features.id))
        .where(or(inArray(features.analysisWorkflowRunId, runIds), inArray(analyses.workflowRunId, runIds)))
    : [];
  const tracked = repositories.length
    ? await db
        .select({ id: projects.id, repository: projects.repository })
        .from(projects)
        .where(inArray(sql`lower(${projects.repository})`, repositories))
    : [];
  const featureOfRun = new Map(
    runs.flatMap(({ id, name, current, past }) =>
      [current, past].flatMap((run) => (run === null ? [] : [[String(run), { id, name }] as const])),
    ),
  );
  const projectOf = new Map(tracked.map((project) => [project.repository.toLowerCase(), project]));
  return keysetPage(rows, input.limit, ({ sender, workflowRunId, ...row }) => ({
    ...toWebhookEventView({ ...row, payload: {} }),
    concerns: {
      feature: (workflowRunId && featureOfRun.get(workflowRunId)) || null,
      project: (row.repository && projectOf.get(row.repository.toLowerCase())) || null,
      user: sender,
    } satisfies EventConcerns,
  }));
}
