import { eq } from "drizzle-orm";
import { z } from "zod";
import { webhookEvents, type WebhookEvent, type WebhookEventStatus } from "@/db/schema";
import { projectProcessRequested, workflowRunCompleted, type JobEvent } from "@/inngest/events";
import {
  handleInstallationCreated,
  handleInstallationDeleted,
  handleInstallationRepositoriesChanged,
  handleInstallationSuspended,
} from "@/lib/github/installations";
import { HIGH_PRIORITY_SECONDS } from "@/lib/projects/deps";
import { findProjectByRepository } from "@/lib/projects/find-project";
import { isManifest, planCandidates } from "@/lib/projects/plan-files";
import { recordProjectItem } from "@/lib/projects/record-project-item";
import type { GithubWebhookDeps } from "./deps";

export interface ProcessedWebhook {
  status: Exclude<WebhookEventStatus, "received" | "failed">;
  note: string;
  /** Events to hand on (project processing, the analysis flow), sent durably by the caller. */
  followUps: JobEvent[];
}

const repositoryRef = z.object({ id: z.number(), full_name: z.string() });
const installationPayload = z.object({
  action: z.string(),
  installation: z.object({
    id: z.number(),
    account: z.object({ login: z.string().optional(), slug: z.string().optional(), type: z.string().optional() }).nullable(),
    repository_selection: z.string().optional(),
    suspended_at: z.string().nullish(),
  }),
  repositories: z.array(repositoryRef).optional(),
  repositories_added: z.array(repositoryRef).optional(),
  repositories_removed: z.array(repositoryRef).optional(),
});
const pushPayload = z.object({
  ref: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  repository: z.object({ full_name: z.string(), default_branch: z.string().optional(), master_branch: z.string().optional() }),
  commits: z.array(z.object({ added: z.array(z.string()).default([]), modified: z.array(z.string()).default([]) })).default([]),
  head_commit: z.object({ added: z.array(z.string()).default([]), modified: z.array(z.string()).default([]) }).nullish(),
});
// Some events omit an issue's state (pinned, unpinned): those keep the state we last saw, or open.
const item = z.object({ number: z.number(), title: z.string(), state: z.enum(["open", "closed"]).default("open"), updated_at: z.string() });
const repositoryOnly = z.object({ repository: z.object({ full_name: z.string() }).nullish() });
const itemPayloads = {
  pull_request: z.object({ action: z.string(), pull_request: item }).transform((data) => ({ action: data.action, item: data.pull_request })),
  issue: z.object({ action: z.string(), issue: item }).transform((data) => ({ action: data.action, item: data.issue })),
};
const workflowRunPayload = z.object({
  action: z.string(),
  repository: z.object({ full_name: z.string() }),
  workflow_run: z.object({ id: z.number(), name: z.string().nullish(), display_title: z.string().nullish(), conclusion: z.string().nullish() }),
});

const ignored = (note: string): ProcessedWebhook => ({ status: "ignored", note, followUps: [] });
const processed = (note: string, followUps: JobEvent[] = []): ProcessedWebhook => ({ status: "processed", note, followUps });

/**
 * Turns one recorded delivery into its effects, once: a row already processed, ignored or failed is
 * left alone. Unknown events and events about untracked repositories are marked ignored, never errors.
 */
export async function processGithubWebhook(deps: Pick<GithubWebhookDeps, "db" | "now" | "log">, eventId: string): Promise<ProcessedWebhook> {
  const [event] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!event) return ignored("the event was cleaned up before processing");
  if (event.status !== "received") return { status: event.status === "failed" ? "ignored" : event.status, note: "already handled", followUps: [] };
  const result = await handle(deps, event);
  await deps.db
    .update(webhookEvents)
    .set({ status: result.status, processedAt: deps.now(), error: null })
    .where(eq(webhookEvents.id, event.id));
  deps.log.info("github webhook processed", { delivery_id: event.webhookId, event_type: event.eventType, action: event.action, status: result.status, note: result.note });
  return result;
}

/** Marks a delivery failed with the error (after the job's retries are spent). */
export async function markGithubWebhookFailed(deps: Pick<GithubWebhookDeps, "db" | "now">, eventId: string, error: string) {
  await deps.db
    .update(webhookEvents)
    .set({ status: "failed", processedAt: deps.now(), error: error.slice(0, 2000) })
    .where(eq(webhookEvents.id, eventId));
}

async function handle(deps: Pick<GithubWebhookDeps, "db">, event: WebhookEvent): Promise<ProcessedWebhook> {
  const payload = event.payload;
  switch (event.eventType) {
    case "ping":
      return processed("ping");
    case "installation": {
      const { action, installation, repositories } = installationPayload.parse(payload);
      const account = { login: installation.account?.login ?? installation.account?.slug ?? "unknown", type: installation.account?.type };
      if (action === "created") await handleInstallationCreated(deps.db, { ...installation, account }, repositories ?? []);
      else if (action === "deleted") await handleInstallationDeleted(deps.db, installation.id);
      else if (action === "suspend" || action === "unsuspend") await handleInstallationSuspended(deps.db, installation.id, action === "suspend");
      else return ignored(`installation ${action}`);
      return processed(`installation ${action}`);
    }
    case "installation_repositories": {
      const data = installationPayload.parse(payload);
      await handleInstallationRepositoriesChanged(deps.db, data.installation.id, { added: data.repositories_added ?? [], removed: data.repositories_removed ?? [] });
      return processed(`installation repositories ${data.action}`);
    }
    case "push":
      return handlePush(deps, event);
    case "pull_request":
    case "issues": {
      const key = event.eventType === "pull_request" ? "pull_request" : "issue";
      const repository = repositoryOnly.parse(payload).repository?.full_name;
      const project = repository ? await findProjectByRepository(deps.db, repository) : undefined;
      if (!project) return ignored("repository not tracked");
      const { action, item } = itemPayloads[key].parse(payload);
      await recordProjectItem(deps.db, project, { kind: key, ...item, action, updatedAt: new Date(item.updated_at), deliveryId: event.webhookId });
      return processed(`${key} #${item.number} ${action}`);
    }
    case "workflow_run": {
      const data = workflowRunPayload.parse(payload);
      if (data.action !== "completed") return ignored(`workflow_run ${data.action}`);
      const run = data.workflow_run;
      return processed("handed to the analysis flow", [
        {
          name: workflowRunCompleted.name,
          data: { run_id: run.id, run_name: run.display_title ?? run.name ?? null, conclusion: run.conclusion ?? null, repository: data.repository.full_name },
        },
      ]);
    }
    default:
      return ignored(`${event.eventType} events are not used`);
  }
}

/** A push to a tracked project's default branch that adds or modifies its plan or a manifest. */
async function handlePush(deps: Pick<GithubWebhookDeps, "db">, event: WebhookEvent): Promise<ProcessedWebhook> {
  const push = pushPayload.parse(event.payload);
  const project = await findProjectByRepository(deps.db, push.repository.full_name);
  if (!project) return ignored("repository not tracked");
  const branch = push.repository.default_branch ?? push.repository.master_branch ?? "main";
  if (push.ref !== `refs/heads/${branch}` || push.deleted) return ignored(`push to ${push.ref}, not the default branch`);
  const changed = new Set([...push.commits, ...(push.head_commit ? [push.head_commit] : [])].flatMap((commit) => [...commit.added, ...commit.modified]));
  const plans = project.resolvedPlanPath ? [project.resolvedPlanPath] : planCandidates(project.planPath);
  const planChanged = plans.some((file) => changed.has(file));
  const manifests = [...changed].filter(isManifest);
  if (!planChanged && manifests.length === 0) return ignored("no plan or manifest change");
  const reason = planChanged ? "plan changed" : `manifest changed (${manifests.join(", ")})`;
  return processed(reason, [
    {
      name: projectProcessRequested.name,
      data: { project_id: project.id, commit_sha: push.after, reason: "push", detail: reason, delivery_id: event.webhookId, priority: HIGH_PRIORITY_SECONDS },
    },
  ]);
}
