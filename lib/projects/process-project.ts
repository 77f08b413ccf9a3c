import "server-only";

import { eq } from "drizzle-orm";

import { projects, projectSnapshots, projectUpdates } from "@/db/schema";
import { githubRequestError } from "@/lib/github/github-errors";
import { withOutbox } from "@/lib/outbound/with-outbox";

import type { ProjectDeps } from "./deps";
import { parsePlan } from "./parse-plan";
import { planCandidates } from "./plan-files";

export interface ProcessProjectInput {
  projectId: string;
  /** The pushed commit; null → the default branch as it is now. */
  commitSha: string | null;
  reason: string;
  deliveryId?: string | null;
  jobId?: string | null;
}

export type ProcessProjectResult =
  { status: "snapshot"; planPath: string; total: number; done: number } | { status: "no_plan" } | { status: "gone" };

/**
 * Reads the project's plan at the commit (first existing candidate path), stores a progress snapshot
 * and an update, sets last_updated and announces project.updated. GitHub errors other than a missing
 * file propagate, so the job retries them.
 */
export async function processProject(deps: ProjectDeps, input: ProcessProjectInput): Promise<ProcessProjectResult> {
  const [project] = await deps.db.select().from(projects).where(eq(projects.id, input.projectId));
  if (!project) return { status: "gone" };
  const octokit = await deps.installationOctokit(project.installationId);
  const [owner, repo] = project.repository.split("/") as [string, string];
  // Pin the default branch's head first, so the snapshot names the commit it was read at.
  const commitSha =
    input.commitSha ?? (await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { owner, repo, ref: "HEAD" })).data.sha;
  const now = deps.now();
  const log = { projectId: project.id, deliveryId: input.deliveryId ?? null, jobId: input.jobId ?? null, commitSha, createdAt: now };

  const candidates = planCandidates(project.planPath);
  for (const planPath of candidates) {
    let content: string;
    try {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path: planPath, ref: commitSha });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) continue;
      content = Buffer.from(data.content, "base64").toString("utf8");
    } catch (error) {
      if (githubRequestError(error)?.status === 404) continue;
      throw error;
    }
    const progress = parsePlan(content);
    await withOutbox(deps.db, deps.outbox, async (tx, emit) => {
      await tx.insert(projectSnapshots).values({
        projectId: project.id,
        commitSha,
        planPath,
        totalTasks: progress.total,
        doneTasks: progress.done,
        sections: progress.sections,
        createdAt: now,
      });
      await tx.insert(projectUpdates).values({
        ...log,
        eventType: input.reason,
        summary: `${planPath}: ${progress.done} of ${progress.total} tasks done`,
      });
      await tx.update(projects).set({ lastUpdated: now, resolvedPlanPath: planPath, lastError: null }).where(eq(projects.id, project.id));
      await emit("project.updated", {
        project_id: project.id,
        repository: project.repository,
        commit_sha: commitSha,
        plan_path: planPath,
        total_tasks: progress.total,
        done_tasks: progress.done,
        sections: progress.sections,
        reason: input.reason,
      });
    });
    deps.log.info("project processed", { project_id: project.id, plan_path: planPath, done: progress.done, total: progress.total });
    return { status: "snapshot", planPath, total: progress.total, done: progress.done };
  }

  const noPlan = `No plan file found (tried ${candidates.join(", ")})`;
  await deps.db.transaction(async (tx) => {
    await tx.insert(projectUpdates).values({ ...log, eventType: input.reason, summary: noPlan });
    await tx.update(projects).set({ lastUpdated: now, lastError: noPlan }).where(eq(projects.id, project.id));
  });
  return { status: "no_plan" };
}
