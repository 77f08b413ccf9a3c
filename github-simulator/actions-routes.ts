import { createHash, randomBytes } from "node:crypto";
import type { components } from "@octokit/openapi-types";
import type { Request, Response, Router } from "express";

import { hmacSha256Hex, isHmacSha256 } from "@/lib/secrets/hmac";

import { githubHosts, movedRepository, repositoryOf, simulatedRepository } from "./app-routes";
import { stableId } from "./demo-users";
import { githubExample, githubWebhookExample, rehosted } from "./openapi-examples";
import { renderRunName, simulatedHeadSha, startRunLifecycle, type RunLifecycle, type WorkflowDefinition } from "./simulated-run";
import {
  isoSeconds,
  sendConditionalJson,
  sendGithubError,
  type SimulatedArtifact,
  type SimulatedRun,
  type SimulatorState,
} from "./simulator-state";

type WorkflowRun = components["schemas"]["workflow-run"];
type Artifact = components["schemas"]["artifact"];
type WorkflowRunCompletedExample = {
  action: string;
  workflow: Record<string, unknown>;
  repository: Pick<components["schemas"]["repository"], "full_name" | "owner">;
};
type Urls = { web: string; api: string };

const EXAMPLE_RUN_ID = "30433642";
const EXAMPLE_REPOSITORY = "octo-org/octo-repo";
const ARTIFACT_RETENTION_MS = 7 * 24 * 3600_000;
const BLOB_LINK_TTL_MS = 60_000;

export interface ActionsOptions {
  workflows: WorkflowDefinition[];
  lifecycle: Omit<RunLifecycle, "workflowRunPayload">;
}

/**
 * GitHub Actions as the app uses it: workflow dispatch (200 with run details or 204), runs listed and
 * read (with ETags, so unchanged runs answer 304), and run artifacts downloaded through a 302 to a
 * short-lived blob link.
 */
export function addActionsRoutes(routers: { api: Router; web: Router }, state: SimulatorState, urls: Urls, options: ActionsOptions) {
  const router = routers.api;
  const blobKey = randomBytes(32).toString("hex");
  const runView = (run: SimulatedRun) => workflowRunView(run, urls);
  const lifecycle: RunLifecycle = {
    ...options.lifecycle,
    workflowRunPayload: (run) => workflowRunCompletedPayload(run, runView(run), urls),
  };
  const workflowOf = (id: string) =>
    options.workflows.find((workflow) => workflow.file === id || String(workflowId(`.github/workflows/${workflow.file}`)) === id);

  router.post("/repos/:owner/:repo/actions/workflows/:workflow_id/dispatches", (req, res) => {
    const target = repositoryOf(state, req, res);
    if (!target) return;
    const workflow = workflowOf(String(req.params.workflow_id));
    if (!workflow) return sendGithubError(res, 404, "Not Found");
    const body = (req.body ?? {}) as { ref?: unknown; inputs?: Record<string, unknown>; return_run_details?: unknown };
    if (typeof body.ref !== "string" || !body.ref) return sendGithubError(res, 422, 'Invalid request.\n\n"ref" wasn\'t supplied.');
    const given = Object.fromEntries(Object.entries(body.inputs ?? {}).map(([name, value]) => [name, String(value)]));
    const unexpected = Object.keys(given).filter((name) => !(name in workflow.inputs));
    if (unexpected.length) return sendGithubError(res, 422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
    const missing = Object.entries(workflow.inputs).find(([name, input]) => input.required && !given[name]);
    if (missing) return sendGithubError(res, 422, `Required input '${missing[0]}' not provided`);
    const refused = state.faults.refuseDispatch;
    if (refused) return sendGithubError(res, refused.status, refused.message);

    const inputs = { ...Object.fromEntries(Object.entries(workflow.inputs).map(([name, input]) => [name, input.default ?? ""])), ...given };
    const now = new Date();
    const run: SimulatedRun = {
      id: state.nextId(),
      runNumber: state.runs.size + 1,
      repository: target.repository,
      workflowPath: `.github/workflows/${workflow.file}`,
      workflowName: workflow.name,
      name: renderRunName(workflow.runName, inputs),
      ref: body.ref.replace(/^refs\/heads\//, ""),
      inputs,
      installationId: target.installation.id,
      status: "queued",
      plannedConclusion: state.faults.conclusion,
      conclusion: null,
      createdAt: now,
      updatedAt: now,
      startedAt: now,
      idTokenRequestToken: randomBytes(24).toString("hex"),
    };
    state.runs.set(run.id, run);
    startRunLifecycle(state, run, lifecycle);
    if (body.return_run_details !== true || state.faults.dispatchAnswer === 204) return void res.status(204).end();
    const view = runView(run);
    res.json({ workflow_run_id: run.id, run_url: view.url, html_url: view.html_url });
  });

  const listRuns = (req: Request, res: Response, workflowFile?: string) => {
    const target = repositoryOf(state, req, res);
    if (!target) return;
    const query = req.query as Record<string, string | undefined>;
    const created = createdFilter(query.created);
    const runs = [...state.runs.values()]
      .filter((run) => run.repository === target.repository)
      .filter((run) => !workflowFile || run.workflowPath.endsWith(`/${workflowFile}`))
      .filter(() => !query.event || query.event === "workflow_dispatch") // every simulated run is dispatched
      .filter((run) => !query.status || run.status === query.status || run.conclusion === query.status)
      .filter((run) => created(run.createdAt))
      .sort((a, b) => b.id - a.id);
    const perPage = Math.min(100, Math.max(1, Number(query.per_page) || 30));
    const page = Math.max(1, Number(query.page) || 1);
    sendConditionalJson(req, res, {
      total_count: runs.length,
      workflow_runs: runs.slice((page - 1) * perPage, page * perPage).map(runView),
    });
  };

  router.get("/repos/:owner/:repo/actions/workflows/:workflow_id/runs", (req, res) => {
    const workflow = workflowOf(String(req.params.workflow_id));
    if (!workflow) return sendGithubError(res, 404, "Not Found");
    listRuns(req, res, workflow.file);
  });

  router.get("/repos/:owner/:repo/actions/runs", (req, res) => listRuns(req, res));

  const runOf = (req: Request, res: Response) => {
    const target = repositoryOf(state, req, res);
    if (!target) return undefined;
    const run = state.runs.get(Number(req.params.run_id));
    if (!run || run.repository !== target.repository) return void sendGithubError(res, 404, "Not Found");
    return run;
  };

  router.get("/repos/:owner/:repo/actions/runs/:run_id", (req, res) => {
    const run = runOf(req, res);
    if (run) sendConditionalJson(req, res, runView(run));
  });

  // Cancelling: GitHub answers 202 and the run ends "cancelled" (no result, no callback); a finished run is 409.
  router.post("/repos/:owner/:repo/actions/runs/:run_id/cancel", (req, res) => {
    const run = runOf(req, res);
    if (!run) return;
    if (run.status === "completed") return sendGithubError(res, 409, "Cannot cancel a workflow run that is completed.");
    run.plannedConclusion = "cancelled";
    res.status(202).json({});
  });

  router.get("/repos/:owner/:repo/actions/runs/:run_id/artifacts", (req, res) => {
    const run = runOf(req, res);
    if (!run) return;
    const name = typeof req.query.name === "string" ? req.query.name : undefined;
    const artifacts = [...state.artifacts.values()].filter((artifact) => artifact.runId === run.id && (!name || artifact.name === name));
    sendConditionalJson(req, res, {
      total_count: artifacts.length,
      artifacts: artifacts.map((artifact) => artifactView(artifact, run, urls)),
    });
  });

  // A blob link is signed over its artifact id and expiry.
  const linkData = (id: number, expires: number) => `${id}:${expires}`;

  router.get("/repos/:owner/:repo/actions/artifacts/:artifact_id/:archive_format", (req, res) => {
    const target = repositoryOf(state, req, res);
    if (!target) return;
    const artifact = state.artifacts.get(Number(req.params.artifact_id));
    if (!artifact || artifact.repository !== target.repository || req.params.archive_format !== "zip")
      return sendGithubError(res, 404, "Not Found");
    const expires = Date.now() + BLOB_LINK_TTL_MS;
    res.redirect(
      302,
      `${urls.web}/_simulator/blobs/artifacts/${artifact.id}?expires=${expires}&sig=${hmacSha256Hex(blobKey, linkData(artifact.id, expires))}`,
    );
  });

  // The blob store GitHub redirects to: outside the REST API, authorised by the link itself.
  routers.web.get("/_simulator/blobs/artifacts/:artifact_id", (req, res) => {
    const id = Number(req.params.artifact_id);
    const expires = Number(req.query.expires);
    const artifact = state.artifacts.get(id);
    if (!artifact || expires < Date.now() || !isHmacSha256(blobKey, Buffer.from(linkData(id, expires)), String(req.query.sig ?? ""))) {
      return void res.status(403).type("application/xml").send("<Error><Code>AuthenticationFailed</Code></Error>");
    }
    res.type("application/zip").send(Buffer.from(artifact.zip));
  });
}

/** GitHub's `created` search qualifier: `>=T`, `>T`, `<=T`, `<T`, `T1..T2` or a date. */
function createdFilter(qualifier: string | undefined): (date: Date) => boolean {
  if (!qualifier) return () => true;
  const range = /^(.+)\.\.(.+)$/.exec(qualifier);
  if (range) return (date) => date >= new Date(range[1]!) && date <= new Date(range[2]!);
  const comparison = /^(>=|<=|>|<)?(.+)$/.exec(qualifier)!;
  const bound = new Date(comparison[2]!).getTime();
  const time = (date: Date) => Math.floor(date.getTime() / 1000) * 1000; // GitHub compares whole seconds
  switch (comparison[1]) {
    case ">=":
      return (date) => time(date) >= bound;
    case ">":
      return (date) => time(date) > bound;
    case "<=":
      return (date) => time(date) <= bound;
    case "<":
      return (date) => time(date) < bound;
    default:
      return (date) => date.toISOString().startsWith(comparison[2]!);
  }
}

const workflowId = (workflowPath: string) => stableId(`workflow:${workflowPath}`);

function workflowRunView(run: SimulatedRun, urls: Urls): WorkflowRun {
  const template = rehosted(githubExample<WorkflowRun>("workflow-run"), [
    [EXAMPLE_RUN_ID, String(run.id)],
    [EXAMPLE_REPOSITORY, run.repository],
    ...githubHosts(urls),
  ]);
  const repository = simulatedRepository(run.repository, urls);
  const headSha = simulatedHeadSha(run);
  return {
    ...template,
    id: run.id,
    name: run.workflowName,
    // The run-name of a dispatched run: where the correlation id travels.
    display_title: run.name,
    node_id: Buffer.from(`WorkflowRun${run.id}`).toString("base64"),
    head_branch: run.ref,
    head_sha: headSha,
    path: `${run.workflowPath}@refs/heads/${run.ref}`,
    run_number: run.runNumber,
    run_attempt: 1,
    event: "workflow_dispatch",
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflowId(run.workflowPath),
    workflow_url: `${urls.api}/repos/${run.repository}/actions/workflows/${workflowId(run.workflowPath)}`,
    pull_requests: [],
    referenced_workflows: [],
    created_at: isoSeconds(run.createdAt),
    updated_at: isoSeconds(run.updatedAt),
    run_started_at: isoSeconds(run.startedAt),
    head_commit: template.head_commit ? { ...template.head_commit, id: headSha, tree_id: headSha } : null,
    repository,
    head_repository: repository,
  } as WorkflowRun;
}

/** GitHub's own workflow_run `completed` webhook example, re-pointed at this run, its workflow and its repository. */
function workflowRunCompletedPayload(run: SimulatedRun, view: WorkflowRun, urls: Urls) {
  const example = githubWebhookExample<WorkflowRunCompletedExample>(
    "workflow_run",
    "completed",
    (candidate) => candidate.repository.full_name === EXAMPLE_REPOSITORY,
  );
  const id = workflowId(run.workflowPath);
  return {
    action: "completed",
    workflow_run: view,
    workflow: {
      ...example.workflow,
      id,
      node_id: Buffer.from(`Workflow${id}`).toString("base64"),
      name: run.workflowName,
      path: run.workflowPath,
      state: "active",
      url: `${urls.api}/repos/${run.repository}/actions/workflows/${id}`,
      html_url: `${urls.web}/${run.repository}/blob/${run.ref}/${run.workflowPath}`,
      badge_url: `${urls.web}/${run.repository}/workflows/${encodeURIComponent(run.workflowName)}/badge.svg`,
    },
    repository: movedRepository(example.repository, run.repository, urls),
    installation: { id: run.installationId, node_id: Buffer.from(`Installation${run.installationId}`).toString("base64") },
    sender: view.actor,
  };
}

function artifactView(artifact: SimulatedArtifact, run: SimulatedRun, urls: Urls): Artifact {
  const template = rehosted(githubExample<Artifact>("artifact"), [
    [EXAMPLE_REPOSITORY.replace("repo", "docs"), artifact.repository],
    ...githubHosts(urls),
  ]);
  const repositoryId = stableId(`repository:${artifact.repository}`);
  return {
    ...template,
    id: artifact.id,
    node_id: Buffer.from(`Artifact${artifact.id}`).toString("base64"),
    name: artifact.name,
    size_in_bytes: artifact.zip.byteLength,
    url: `${urls.api}/repos/${artifact.repository}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${urls.api}/repos/${artifact.repository}/actions/artifacts/${artifact.id}/zip`,
    expired: false,
    created_at: isoSeconds(artifact.createdAt),
    updated_at: isoSeconds(artifact.createdAt),
    expires_at: isoSeconds(new Date(artifact.createdAt.getTime() + ARTIFACT_RETENTION_MS)),
    digest: `sha256:${createHash("sha256").update(artifact.zip).digest("hex")}`,
    workflow_run: {
      id: run.id,
      repository_id: repositoryId,
      head_repository_id: repositoryId,
      head_branch: run.ref,
      head_sha: simulatedHeadSha(run),
    },
  };
}
