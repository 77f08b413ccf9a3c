import "server-only";

import { z } from "zod";

import { projectProcessRequested } from "@/inngest/events";
import { HIGH_PRIORITY_SECONDS } from "@/lib/projects/deps";
import { findProjectByRepository } from "@/lib/projects/find-project";
import { isManifest, planCandidates } from "@/lib/projects/plan-files";

import { ignored, processed, type GithubEventHandler } from "../processed-webhook";

const pushPayload = z.object({
  ref: z.string(),
  after: z.string(),
  deleted: z.boolean().optional(),
  repository: z.object({ full_name: z.string(), default_branch: z.string().optional(), master_branch: z.string().optional() }),
  commits: z.array(z.object({ added: z.array(z.string()).default([]), modified: z.array(z.string()).default([]) })).default([]),
  head_commit: z.object({ added: z.array(z.string()).default([]), modified: z.array(z.string()).default([]) }).nullish(),
});

/** A push to a tracked project's default branch that adds or modifies its plan or a manifest: the project is read again, first in line. */
export const handlePush: GithubEventHandler = async (deps, event) => {
  const push = pushPayload.parse(event.payload);
  const project = await findProjectByRepository(deps.db, push.repository.full_name);
  if (!project) return ignored("repository not tracked");
  const branch = push.repository.default_branch ?? push.repository.master_branch ?? "main";
  if (push.ref !== `refs/heads/${branch}` || push.deleted) return ignored(`push to ${push.ref}, not the default branch`);
  const changed = new Set(
    [...push.commits, ...(push.head_commit ? [push.head_commit] : [])].flatMap((commit) => [...commit.added, ...commit.modified]),
  );
  const plans = project.resolvedPlanPath ? [project.resolvedPlanPath] : planCandidates(project.planPath);
  const planChanged = plans.some((file) => changed.has(file));
  const manifests = [...changed].filter(isManifest);
  if (!planChanged && manifests.length === 0) return ignored("no plan or manifest change");
  const reason = planChanged ? "plan changed" : `manifest changed (${manifests.join(", ")})`;
  return processed(reason, [
    {
      name: projectProcessRequested.name,
      data: {
        project_id: project.id,
        commit_sha: push.after,
        reason: "push",
        detail: reason,
        delivery_id: event.webhookId,
        priority: HIGH_PRIORITY_SECONDS,
      },
    },
  ]);
};
