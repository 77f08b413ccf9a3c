import { generateKeyPairSync, randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { components } from "@octokit/openapi-types";
import type { NextFunction, Request, Response, Router } from "express";
import { importSPKI, jwtVerify } from "jose";

import { stableId } from "./demo-users";
import { takeApiFault } from "./faults";
import { githubExample, rehosted } from "./openapi-examples";
import { isoSeconds, sendGithubError, type SimulatedInstallation, type SimulatorState } from "./simulator-state";

export interface SimulatedApp {
  id: number;
  slug: string;
  /** The App's public key (PEM): App JWTs are verified with it, as GitHub does. */
  publicKey: string;
}

/** A fresh RSA key pair for a simulated App: its client signs App JWTs with the private key, the simulator checks them with the public one. */
export function generateAppKeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

const TOKEN_TTL_MS = 3600_000;

type Installation = components["schemas"]["installation"];
type InstallationToken = components["schemas"]["installation-token"];
type Repository = components["schemas"]["repository"];

/**
 * Every REST call goes through here first: armed faults (5xx, primary and secondary rate limits, latency),
 * rate-limit headers, and the call counts the benchmarks read.
 */
export function apiFaultsAndAccounting(state: SimulatorState) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (state.faults.slowMs > 0) await delay(state.faults.slowMs);
    res.set(state.rateLimitHeaders());
    res.on("finish", () => state.countApiCall(`${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`, res.statusCode));
    const fault = takeApiFault(state.faults);
    if (!fault) return next();
    if (fault.kind === "server_error") return sendGithubError(res, 502, "Server Error");
    if (fault.kind === "rate_limited") {
      res.set({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + fault.resetSeconds) });
      return sendGithubError(res, 403, "API rate limit exceeded for installation.");
    }
    res.set("retry-after", String(fault.retryAfterSeconds));
    sendGithubError(res, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.");
  };
}

/** The App's JWT (RS256, signed with its private key, `iss` = App id), as GitHub checks it. */
async function verifyAppJwt(app: SimulatedApp, req: Request): Promise<boolean> {
  const match = /^bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "");
  if (!match) return false;
  try {
    const { payload } = await jwtVerify(match[1]!, await importSPKI(app.publicKey, "RS256"), { algorithms: ["RS256"], clockTolerance: 60 });
    return String(payload.iss) === String(app.id) && typeof payload.exp === "number" && payload.exp - (payload.iat ?? 0) <= 600 + 60;
  } catch {
    return false;
  }
}

/** The installation an installation token belongs to; answers 401 itself when there is none. */
export function installationOf(state: SimulatorState, req: Request, res: Response): SimulatedInstallation | undefined {
  const match = /^(?:bearer|token)\s+(ghs_\S+)$/i.exec(req.get("authorization") ?? "");
  const token = match ? state.tokens.get(match[1]!) : undefined;
  const installation =
    token && token.expiresAt.getTime() > Date.now() ? state.installations.find((i) => i.id === token.installationId) : undefined;
  if (!installation) sendGithubError(res, 401, "Bad credentials");
  return installation;
}

/** The repository `:owner/:repo` when the request's installation can reach it; 401/404 answered otherwise. */
export function repositoryOf(
  state: SimulatorState,
  req: Request,
  res: Response,
): { installation: SimulatedInstallation; repository: string } | undefined {
  const installation = installationOf(state, req, res);
  if (!installation) return undefined;
  const repository = installation.repositories.find(
    (name) => name.toLowerCase() === `${req.params.owner}/${req.params.repo}`.toLowerCase(),
  );
  if (!repository) return void sendGithubError(res, 404, "Not Found");
  return { installation, repository };
}

/** Express middleware: the request must carry the App's JWT. */
export const appJwtAuth = (app: SimulatedApp) => async (req: Request, res: Response, next: NextFunction) =>
  (await verifyAppJwt(app, req)) ? next() : sendGithubError(res, 401, "A JSON web token could not be decoded");

/** GitHub's installation object for a simulated installation. */
export function installationView(installation: SimulatedInstallation, app: SimulatedApp, urls: { web: string; api: string }): Installation {
  const template = githubExample<Installation>("installation");
  const owner = {
    ...template.account,
    login: installation.account,
    id: stableId(`account:${installation.account}`),
  } as Installation["account"];
  return {
    ...template,
    id: installation.id,
    account: owner,
    app_id: app.id,
    app_slug: app.slug,
    target_id: stableId(`account:${installation.account}`),
    target_type: "Organization",
    repository_selection: "selected",
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/organizations/${installation.account}/settings/installations/${installation.id}`,
    events: ["push", "pull_request", "issues", "workflow_run", "installation", "installation_repositories"],
    suspended_at: null,
    suspended_by: null,
  };
}

/** GitHub App authentication: the App JWT, installations, and installation access tokens. */
export function addAppRoutes(router: Router, state: SimulatorState, app: SimulatedApp, urls: { web: string; api: string }) {
  const asApp = appJwtAuth(app);

  router.get("/app", asApp, (_req, res) => {
    const template = githubExample<Record<string, unknown>>("integration");
    res.json({
      ...template,
      id: app.id,
      slug: app.slug,
      name: "Hooksmith (simulated)",
      html_url: `${urls.web}/apps/${app.slug}`,
      installations_count: state.installations.length,
    });
  });

  router.get("/app/installations", asApp, (_req, res) => {
    res.json(state.installations.map((installation) => installationView(installation, app, urls)));
  });

  router.get("/app/installations/:installation_id", asApp, (req, res) => {
    const installation = state.installations.find((candidate) => String(candidate.id) === req.params.installation_id);
    if (!installation) return sendGithubError(res, 404, "Not Found");
    res.json(installationView(installation, app, urls));
  });

  router.get("/repos/:owner/:repo/installation", asApp, (req, res) => {
    const installation = state.installationFor(`${req.params.owner}/${req.params.repo}`);
    if (!installation) return sendGithubError(res, 404, "Not Found");
    res.json(installationView(installation, app, urls));
  });

  router.post("/app/installations/:installation_id/access_tokens", asApp, (req, res) => {
    const installation = state.installations.find((candidate) => String(candidate.id) === req.params.installation_id);
    if (!installation) return sendGithubError(res, 404, "Not Found");
    const token = `ghs_${randomBytes(18).toString("base64url")}`;
    const expiresAt = new Date(Date.now() + TOKEN_TTL_MS);
    state.tokens.set(token, { installationId: installation.id, expiresAt });
    const body: InstallationToken = {
      token,
      expires_at: isoSeconds(expiresAt),
      permissions: { actions: "write", contents: "read", metadata: "read", pull_requests: "read", issues: "read" },
      repository_selection: "selected",
    };
    res.status(201).json(body);
  });

  router.get("/installation/repositories", (req, res) => {
    const installation = installationOf(state, req, res);
    if (!installation) return;
    const repositories = installation.repositories.map((name) => simulatedRepository(name, urls, "full"));
    res.json({ total_count: repositories.length, repository_selection: "selected", repositories });
  });
}

/** GitHub's example repository (`minimal` as runs embed it, `full` as lists answer it), renamed and re-hosted as `fullName`. */
export function simulatedRepository(
  fullName: string,
  urls: { web: string; api: string },
  kind: "full" | "minimal" = "minimal",
): Repository {
  const example =
    kind === "full"
      ? githubExample<{ repositories: Repository[] }>("repository-paginated").repositories[0]!
      : githubExample<Repository>("minimal-repository");
  return movedRepository(example, fullName, urls);
}

/** A repository example of GitHub's (REST or webhook) renamed and re-hosted as `fullName`. */
export function movedRepository<T extends Pick<Repository, "full_name" | "owner">>(
  example: T,
  fullName: string,
  urls: { web: string; api: string },
): T {
  const [owner, name] = fullName.split("/") as [string, string];
  const repository = rehosted(example, [[example.full_name, fullName], ...githubHosts(urls)]);
  // The owner's own URLs name it too; it is an organization, as every simulated installation's account is (installationView).
  const ownerView = rehosted(repository.owner, [[`/${example.owner.login}`, `/${owner}`]]);
  return {
    ...repository,
    id: stableId(`repository:${fullName}`),
    name,
    full_name: fullName,
    owner: { ...ownerView, login: owner, id: stableId(`account:${owner}`), type: "Organization" },
    private: true,
  } as T;
}

/** github.com's URLs → the simulator's, for rehostedExample. */
export const githubHosts = (urls: { web: string; api: string }): [string, string][] => [
  ["https://api.github.com", urls.api],
  ["https://github.com", urls.web],
];
