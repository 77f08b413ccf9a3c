import "server-only";

import { strFromU8, unzipSync } from "fflate";

import type { InstallationOctokit } from "./github-app";
import { githubRequestError } from "./github-errors";

const splitRepository = (repository: string) => {
  const [owner, repo] = repository.split("/");
  return { owner: owner!, repo: repo! };
};

export interface DispatchInput {
  repository: string;
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
}

/** The repository's default branch, as GitHub reports it. */
export async function getDefaultBranch(octokit: InstallationOctokit, repository: string): Promise<string> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}", splitRepository(repository));
  return data.default_branch;
}

/**
 * Dispatches a workflow asking for its run details. GitHub answers 200 with the run id, or 204 without
 * it (older servers, GHES): then the run id is null and must be found by its run name.
 */
export async function dispatchWorkflow(octokit: InstallationOctokit, input: DispatchInput): Promise<{ runId: number | null }> {
  const response = await octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
    ...splitRepository(input.repository),
    workflow_id: input.workflow,
    ref: input.ref,
    inputs: input.inputs,
    return_run_details: true,
  });
  const data = response.data as { workflow_run_id?: number } | undefined;
  return { runId: response.status === 200 && data?.workflow_run_id ? Number(data.workflow_run_id) : null };
}

/** The newest workflow_dispatch run of `workflow` whose run name contains `marker`, created since `since`. */
export async function findRunByName(
  octokit: InstallationOctokit,
  input: { repository: string; workflow: string; marker: string; since: Date },
): Promise<number | null> {
  // GitHub's `created` filter has one-second precision: step back a second so the run is never missed.
  const since = new Date(input.since.getTime() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", {
    ...splitRepository(input.repository),
    workflow_id: input.workflow,
    event: "workflow_dispatch",
    created: `>=${since}`,
    per_page: 50,
  });
  // The run-name is the run's display_title (some GitHub versions also report it as its name).
  const run = data.workflow_runs.find(
    (candidate) => candidate.display_title?.includes(input.marker) || candidate.name?.includes(input.marker),
  );
  return run ? Number(run.id) : null;
}

export interface WorkflowRunState {
  status: string | null;
  conclusion: string | null;
  htmlUrl: string;
}

/**
 * A run's status, by conditional request: with the ETag of the last answer, an unchanged run costs a 304
 * that GitHub does not count against the rate limit.
 */
export async function getWorkflowRun(
  octokit: InstallationOctokit,
  input: { repository: string; runId: number; etag?: string },
): Promise<{ notModified: true } | { notModified: false; run: WorkflowRunState; etag?: string }> {
  try {
    const response = await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
      ...splitRepository(input.repository),
      run_id: input.runId,
      headers: input.etag ? { "if-none-match": input.etag } : {},
    });
    const { status, conclusion, html_url } = response.data;
    return { notModified: false, run: { status, conclusion, htmlUrl: html_url }, etag: response.headers.etag };
  } catch (error) {
    if (githubRequestError(error)?.status === 304) return { notModified: true };
    throw error;
  }
}

/**
 * Run artifact `name`, by conditional request like the run itself: while the run has uploaded nothing new
 * the list answers 304, free of the rate limit. Null when the run has no such artifact (yet).
 */
export async function findRunArtifact(
  octokit: InstallationOctokit,
  input: { repository: string; runId: number; name: string; etag?: string },
): Promise<{ notModified: true } | { notModified: false; artifactId: number | null; etag?: string }> {
  try {
    const response = await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", {
      ...splitRepository(input.repository),
      run_id: input.runId,
      name: input.name,
      per_page: 100,
      headers: input.etag ? { "if-none-match": input.etag } : {},
    });
    const artifact = response.data.artifacts.find((candidate) => candidate.name === input.name && !candidate.expired);
    return { notModified: false, artifactId: artifact?.id ?? null, etag: response.headers.etag };
  } catch (error) {
    if (githubRequestError(error)?.status === 304) return { notModified: true };
    throw error;
  }
}

/** Downloads an artifact (GitHub answers with a redirect to a zip) and returns `file` of it parsed as JSON. */
export async function downloadArtifactJson(
  octokit: InstallationOctokit,
  input: { repository: string; artifactId: number; name: string; file: string },
): Promise<unknown> {
  const zip = await octokit.request("GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}", {
    ...splitRepository(input.repository),
    artifact_id: input.artifactId,
    archive_format: "zip",
  });
  return readZippedJson(new Uint8Array(zip.data as ArrayBuffer), { artifact: input.name, file: input.file });
}

/** Caps on a result artifact, checked before anything is inflated: a result is a small JSON file. */
export const ARTIFACT_LIMITS = { zipBytes: 16 * 1024 * 1024, entries: 100, fileBytes: 16 * 1024 * 1024 };

/**
 * `file` of a zip, parsed as JSON. The zip's size, its number of entries and the file's declared size are
 * checked first, and only that file is inflated, into a buffer of its declared size (fflate writes no
 * further), so a zip bomb is refused without ever taking the memory it claims.
 */
export function readZippedJson(zip: Uint8Array, input: { artifact: string; file: string }, limits = ARTIFACT_LIMITS): unknown {
  const refuse = (why: string) => new ArtifactContentError(`Artifact ${input.artifact} was refused: ${why}`);
  if (zip.byteLength > limits.zipBytes) throw refuse(`it is ${zip.byteLength} bytes, over the ${limits.zipBytes}-byte limit`);
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (entry) => {
        if (++entries > limits.entries) throw refuse(`it holds more than ${limits.entries} files`);
        if (entry.name !== input.file) return false;
        if (entry.originalSize > limits.fileBytes) {
          throw refuse(`${input.file} unpacks to ${entry.originalSize} bytes, over the ${limits.fileBytes}-byte limit`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ArtifactContentError) throw error;
    throw new ArtifactContentError(`Artifact ${input.artifact} is not a readable zip`);
  }
  const content = files[input.file];
  if (!content) throw new ArtifactContentError(`Artifact ${input.artifact} holds no ${input.file}`);
  try {
    return JSON.parse(strFromU8(content));
  } catch {
    throw new ArtifactContentError(`${input.file} in artifact ${input.artifact} is not valid JSON`);
  }
}

/** The artifact exists but does not hold a readable result: a failure of the analysis, not of GitHub. */
export class ArtifactContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArtifactContentError";
  }
}

/** Asks GitHub to cancel a workflow run (202); GitHub answers 409 for a run that has already completed. */
export async function cancelWorkflowRun(octokit: InstallationOctokit, input: { repository: string; runId: number }) {
  await octokit.request("POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel", {
    ...splitRepository(input.repository),
    run_id: input.runId,
  });
}
