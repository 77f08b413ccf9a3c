import { createHash } from "node:crypto";
import type { Request, Response } from "express";

import { defaultFaults, type Faults } from "./faults";

export interface SimulatedInstallation {
  id: number;
  /** The user or organisation the App is installed on. */
  account: string;
  /** Full names (`owner/name`) of the repositories the installation can reach. */
  repositories: string[];
}

export interface SimulatedRun {
  id: number;
  runNumber: number;
  repository: string;
  workflowPath: string;
  workflowName: string;
  name: string;
  ref: string;
  inputs: Record<string, string>;
  installationId: number;
  status: "queued" | "in_progress" | "completed";
  /** Decided at dispatch: switching faults later does not change a run already under way. */
  plannedConclusion: Faults["conclusion"];
  conclusion: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN: what the run's steps present to get an ID token, while the run is in progress. */
  idTokenRequestToken: string;
}

export interface SimulatedArtifact {
  id: number;
  runId: number;
  repository: string;
  name: string;
  zip: Uint8Array;
  createdAt: Date;
}

export interface SimulatedDelivery {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  installationId: number | null;
  repositoryId: number | null;
  deliveredAt: Date;
  durationMs: number;
  statusCode: number;
  redelivery: boolean;
  /** Kept so the delivery can be redelivered byte for byte, as GitHub does. */
  body: string;
}

export interface SimulatedCommit {
  sha: string;
  parent: string | null;
  message: string;
  files: Map<string, string>;
  added: string[];
  modified: string[];
  removed: string[];
  at: Date;
}

export interface SimulatedRepositoryContent {
  fullName: string;
  defaultBranch: string;
  branches: Map<string, string>;
  commits: Map<string, SimulatedCommit>;
}

export interface SimulatedCallback {
  featureId: string;
  correlationId: string;
  runId: number;
  statusCode: number;
  sentAt: Date;
}

/** GitHub's REST budget per installation token hour; 304s are free, as on GitHub. */
const RATE_LIMIT = 5000;

/** Everything the simulator remembers; `reset()` forgets runs, faults and counts but keeps installations. */
export class SimulatorState {
  faults: Faults = defaultFaults();
  runs = new Map<number, SimulatedRun>();
  artifacts = new Map<number, SimulatedArtifact>();
  tokens = new Map<string, { installationId: number; expiresAt: Date }>();
  deliveries: SimulatedDelivery[] = [];
  /** Repository contents by lower-cased full name; kept across reset() like installations. */
  repositories = new Map<string, SimulatedRepositoryContent>();
  callbacks: SimulatedCallback[] = [];
  apiCalls = { counted: 0, notModified: 0, byRoute: {} as Record<string, number> };
  rateLimit = { used: 0, resetAt: nextHour() };
  /** OAuth user access tokens → the login they stand for; kept across reset() so signed-in people stay signed in. */
  userTokens = new Map<string, string>();
  /** Organisation (lower-case) → its members' logins (lower-case); kept across reset() like installations. */
  orgMembers = new Map<string, Set<string>>();
  readonly timers = new Set<NodeJS.Timeout>();
  /** How each run in progress completes, until it has: what completeRun calls. */
  readonly runCompletions = new Map<number, () => Promise<void>>();
  // Ids keep growing across restarts, so a run id the app stored earlier never names a new run.
  private lastId = Math.floor(Date.now() / 1000) * 1000;

  constructor(readonly installations: SimulatedInstallation[]) {}

  nextId(): number {
    return ++this.lastId;
  }

  isOrgMember(org: string, login: string): boolean {
    return this.orgMembers.get(org.toLowerCase())?.has(login.toLowerCase()) ?? false;
  }

  setOrgMember(org: string, login: string, member: boolean) {
    const members = this.orgMembers.get(org.toLowerCase()) ?? new Set<string>();
    if (member) members.add(login.toLowerCase());
    else members.delete(login.toLowerCase());
    this.orgMembers.set(org.toLowerCase(), members);
  }

  /** Installations a person can reach, as GET /user/installations answers: on their own account, or an organisation they belong to. */
  installationsOf(login: string): SimulatedInstallation[] {
    return this.installations.filter(
      (installation) => installation.account.toLowerCase() === login.toLowerCase() || this.isOrgMember(installation.account, login),
    );
  }

  installationFor(repository: string): SimulatedInstallation | undefined {
    const wanted = repository.toLowerCase();
    return this.installations.find((installation) => installation.repositories.some((name) => name.toLowerCase() === wanted));
  }

  /** Runs `task` after `ms` unless the simulator is reset or closed first. */
  schedule(ms: number, task: () => void | Promise<void>) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void task();
    }, ms);
    this.timers.add(timer);
  }

  /**
   * Completes an in-progress run now rather than when its time is up (or never, with `runMs: null`), and
   * resolves once it has: tests drive a run's progress step by step instead of racing the wall clock.
   */
  completeRun(runId: number): Promise<void> {
    const complete = this.runCompletions.get(runId);
    if (!complete) throw new Error(`Run ${runId} is not in progress`);
    return complete();
  }

  rateLimitHeaders(): Record<string, string> {
    if (Date.now() >= this.rateLimit.resetAt) this.rateLimit = { used: 0, resetAt: nextHour() };
    return {
      "x-ratelimit-limit": String(RATE_LIMIT),
      "x-ratelimit-remaining": String(Math.max(0, RATE_LIMIT - this.rateLimit.used - 1)),
      "x-ratelimit-used": String(this.rateLimit.used + 1),
      "x-ratelimit-reset": String(Math.floor(this.rateLimit.resetAt / 1000)),
      "x-ratelimit-resource": "core",
    };
  }

  /** Counts a finished REST call: a 304 costs nothing against the rate limit. */
  countApiCall(route: string, status: number) {
    if (status === 304) {
      this.apiCalls.notModified++;
      return;
    }
    this.rateLimit.used++;
    this.apiCalls.counted++;
    this.apiCalls.byRoute[route] = (this.apiCalls.byRoute[route] ?? 0) + 1;
  }

  reset() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.runCompletions.clear();
    this.faults = defaultFaults();
    this.runs.clear();
    this.artifacts.clear();
    this.deliveries = [];
    this.callbacks = [];
    this.apiCalls = { counted: 0, notModified: 0, byRoute: {} };
    this.rateLimit = { used: 0, resetAt: nextHour() };
  }
}

function nextHour() {
  return Date.now() + 3600_000;
}

/** GitHub's error body: `{message, documentation_url, status}`. */
export function sendGithubError(res: Response, status: number, message: string) {
  res.status(status).json({ message, documentation_url: "https://docs.github.com/rest", status: String(status) });
}

export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * Answers `body` with an ETag, or 304 without a body when the request's If-None-Match holds that ETag:
 * GitHub's conditional requests, which cost no rate limit.
 */
export function sendConditionalJson(req: Request, res: Response, body: unknown) {
  const json = JSON.stringify(body);
  const etag = `W/"${createHash("sha256").update(json).digest("hex").slice(0, 40)}"`;
  res.set("etag", etag);
  const wanted = (req.get("if-none-match") ?? "").split(",").map((tag) => tag.trim());
  if (wanted.includes(etag)) return void res.status(304).end();
  res.type("application/json").send(json);
}
