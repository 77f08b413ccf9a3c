import { createHash } from "node:crypto";
import type { components } from "@octokit/openapi-types";
import type { Router } from "express";
import { z } from "zod";

import { githubHosts, repositoryOf, simulatedRepository } from "./app-routes";
import { sendAppWebhook, type WebhookTarget } from "./app-webhooks";
import { stableId } from "./demo-users";
import { githubExample, githubWebhookExample, rehosted } from "./openapi-examples";
import { isoSeconds, sendGithubError, type SimulatedCommit, type SimulatedRepositoryContent, type SimulatorState } from "./simulator-state";

type ContentFile = components["schemas"]["content-file"];
type Commit = components["schemas"]["commit"];
type Urls = { web: string; api: string };

const AUTHOR = { name: "Demo Developer", email: "dev@demo-org.test", username: "dev-bob" };

/** A repository with its initial files, created on first use. */
export function repositoryContent(
  state: SimulatorState,
  fullName: string,
  initialFiles: Record<string, string> = {},
): SimulatedRepositoryContent {
  const key = fullName.toLowerCase();
  let repository = state.repositories.get(key);
  if (!repository) {
    repository = { fullName, defaultBranch: "main", branches: new Map(), commits: new Map() };
    state.repositories.set(key, repository);
    commit(repository, "main", "Initial commit", initialFiles);
  }
  return repository;
}

/** Applies file changes (null deletes) as a new commit on `branch`. */
function commit(
  repository: SimulatedRepositoryContent,
  branch: string,
  message: string,
  changes: Record<string, string | null>,
): SimulatedCommit {
  const parentSha = repository.branches.get(branch) ?? repository.branches.get(repository.defaultBranch) ?? null;
  const parent = parentSha ? repository.commits.get(parentSha) : undefined;
  const files = new Map(parent?.files ?? []);
  const added: string[] = [];
  const modified: string[] = [];
  const removed: string[] = [];
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) {
      if (files.delete(path)) removed.push(path);
    } else {
      (files.has(path) ? modified : added).push(path);
      files.set(path, content);
    }
  }
  const at = new Date();
  const sha = createHash("sha1")
    .update(`${repository.fullName}:${parentSha}:${message}:${at.getTime()}:${JSON.stringify(changes)}`)
    .digest("hex");
  const created: SimulatedCommit = { sha, parent: parentSha, message, files, added, modified, removed, at };
  repository.commits.set(sha, created);
  repository.branches.set(branch, sha);
  return created;
}

const pushInput = z.object({
  branch: z.string().min(1).optional(),
  message: z.string().min(1).default("Update files"),
  files: z.record(z.string().min(1), z.string().nullable()),
});

/**
 * Repository contents as the app reads them (contents API at a ref, commits by ref) and pushes that
 * change them, announced by a signed `push` webhook like GitHub's.
 */
export function addRepositoryRoutes(
  routers: { api: Router; web: Router },
  state: SimulatorState,
  urls: Urls,
  webhooks: WebhookTarget | undefined,
) {
  const resolve = (repository: SimulatedRepositoryContent, ref: string | undefined): SimulatedCommit | undefined => {
    const name = (ref ?? "HEAD").replace(/^refs\/heads\//, "");
    const sha = name === "HEAD" ? repository.branches.get(repository.defaultBranch) : (repository.branches.get(name) ?? name);
    return sha ? repository.commits.get(sha) : undefined;
  };

  // The repository itself: GitHub's full shape, with the simulated default branch.
  routers.api.get("/repos/:owner/:repo", (req, res) => {
    const target = repositoryOf(state, req, res);
    if (!target) return;
    const content = repositoryContent(state, target.repository);
    res.json({ ...simulatedRepository(target.repository, urls, "full"), default_branch: content.defaultBranch });
  });

  routers.api.get("/repos/:owner/:repo/contents/*path", (req, res) => {
    const target = repositoryOf(state, req, res);
    if (!target) return;
    const path = (req.params as unknown as { path: string[] }).path.join("/");
    const found = resolve(repositoryContent(state, target.repository), typeof req.query.ref === "string" ? req.query.ref : undefined);
    const content = found?.files.get(path);
    if (content === undefined) return sendGithubError(res, 404, "Not Found");
    const blobSha = createHash("sha1")
      .update(`blob ${Buffer.byteLength(content)}\0${content}`)
      .digest("hex");
    const example = githubExample<ContentFile>("content-file");
    const base = rehosted(example, [["octokit/octokit.rb", target.repository], ...githubHosts(urls)]);
    const file: ContentFile = {
      ...base,
      name: path.split("/").at(-1)!,
      path,
      sha: blobSha,
      size: Buffer.byteLength(content),
      encoding: "base64",
      content: Buffer.from(content).toString("base64"),
      url: `${urls.api}/repos/${target.repository}/contents/${path}?ref=${found!.sha}`,
      html_url: `${urls.web}/${target.repository}/blob/${found!.sha}/${path}`,
      git_url: `${urls.api}/repos/${target.repository}/git/blobs/${blobSha}`,
      download_url: `${urls.web}/${target.repository}/raw/${found!.sha}/${path}`,
      _links: {
        self: `${urls.api}/repos/${target.repository}/contents/${path}`,
        git: `${urls.api}/repos/${target.repository}/git/blobs/${blobSha}`,
        html: `${urls.web}/${target.repository}/blob/${found!.sha}/${path}`,
      },
    };
    res.json(file);
  });

  routers.api.get("/repos/:owner/:repo/commits/:ref", (req, res) => {
    const target = repositoryOf(state, req, res);
    if (!target) return;
    const found = resolve(repositoryContent(state, target.repository), String(req.params.ref));
    if (!found) return sendGithubError(res, 422, `No commit found for SHA: ${req.params.ref}`);
    const example = githubExample<Commit>("commit");
    const base = rehosted(example, [[example.sha, found.sha], ["octocat/Hello-World", target.repository], ...githubHosts(urls)]);
    res.json({
      ...base,
      sha: found.sha,
      commit: {
        ...base.commit,
        message: found.message,
        author: { ...base.commit.author, date: isoSeconds(found.at) },
        committer: { ...base.commit.committer, date: isoSeconds(found.at) },
      },
      parents: found.parent
        ? [
            {
              sha: found.parent,
              url: `${urls.api}/repos/${target.repository}/commits/${found.parent}`,
              html_url: `${urls.web}/${target.repository}/commit/${found.parent}`,
            },
          ]
        : [],
      files: [],
    });
  });

  // A developer pushes to a simulated repository: the commit lands and the App hears about it.
  routers.web.post("/_simulator/repos/:owner/:repo/push", async (req, res) => {
    const fullName = `${req.params.owner}/${req.params.repo}`;
    const installation = state.installationFor(fullName);
    if (!installation)
      return void res.status(404).json({ error: { code: "not_installed", message: `The App is not installed on ${fullName}` } });
    const input = pushInput.safeParse(req.body ?? {});
    if (!input.success) return void res.status(400).json({ error: { code: "invalid_push", message: z.prettifyError(input.error) } });
    const repository = repositoryContent(state, fullName);
    const branch = input.data.branch ?? repository.defaultBranch;
    const before = repository.branches.get(branch) ?? "0".repeat(40);
    const pushed = commit(repository, branch, input.data.message, input.data.files);
    const statusCode = webhooks
      ? await sendAppWebhook(state, webhooks, {
          event: "push",
          payload: pushPayload(repository, branch, before, pushed, installation.id, urls),
          installationId: installation.id,
          repositoryId: stableId(`repository:${repository.fullName}`),
        })
      : null;
    res.status(201).json({
      sha: pushed.sha,
      before,
      branch,
      added: pushed.added,
      modified: pushed.modified,
      removed: pushed.removed,
      webhook_status: statusCode,
    });
  });
}

/** GitHub's push example, re-pointed at this commit of this repository. */
function pushPayload(
  repository: SimulatedRepositoryContent,
  branch: string,
  before: string,
  pushed: SimulatedCommit,
  installationId: number,
  urls: Urls,
) {
  const example = githubWebhookExample<Record<string, unknown> & { repository: Record<string, unknown>; sender: { login: string } }>(
    "push",
  );
  const base = rehosted(example, githubHosts(urls));
  const commitView = {
    id: pushed.sha,
    tree_id: createHash("sha1").update(`tree:${pushed.sha}`).digest("hex"),
    distinct: true,
    message: pushed.message,
    timestamp: pushed.at.toISOString(),
    url: `${urls.web}/${repository.fullName}/commit/${pushed.sha}`,
    author: AUTHOR,
    committer: AUTHOR,
    added: pushed.added,
    removed: pushed.removed,
    modified: pushed.modified,
  };
  const simulated = simulatedRepository(repository.fullName, urls, "full");
  return {
    ...base,
    ref: `refs/heads/${branch}`,
    before,
    after: pushed.sha,
    created: /^0+$/.test(before),
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${urls.web}/${repository.fullName}/compare/${before.slice(0, 12)}...${pushed.sha.slice(0, 12)}`,
    commits: [commitView],
    head_commit: commitView,
    repository: {
      ...base.repository,
      ...simulated,
      default_branch: repository.defaultBranch,
      master_branch: repository.defaultBranch,
      pushed_at: Math.floor(pushed.at.getTime() / 1000),
    },
    pusher: { name: AUTHOR.username, email: AUTHOR.email },
    // The one who pushed sends the event, as on GitHub.
    sender: {
      ...rehosted(base.sender, [[`/${base.sender.login}`, `/${AUTHOR.username}`]]),
      login: AUTHOR.username,
      id: stableId(`account:${AUTHOR.username}`),
    },
    installation: { id: installationId, node_id: Buffer.from(`Installation${installationId}`).toString("base64") },
  };
}
