import "server-only";

import type { Session } from "next-auth";

import { auth, signOut } from "@/auth";
import { getDatabaseHandle, getDb, type Database, type DatabaseHandle } from "@/db";
import { inngest } from "@/inngest/client";
import { defaultAnalysisDeps } from "@/lib/analysis/default-deps";
import type { AnalysisDeps } from "@/lib/analysis/deps";
import { getConfig, type Config } from "@/lib/config";
import { defaultGithubWebhookDeps } from "@/lib/github-webhooks/default-deps";
import type { GithubWebhookDeps } from "@/lib/github-webhooks/deps";
import { getGithubApp, type GithubApp } from "@/lib/github/github-app";
import { getEmbeddedExecutor } from "@/lib/jobs/embedded/current-executor";
import type { Logger } from "@/lib/log";
import { defaultOutboundDeps, defaultOutbox } from "@/lib/outbound/default-deps";
import type { OutboundDeps } from "@/lib/outbound/deps";
import type { Outbox } from "@/lib/outbound/outbox";
import { defaultProjectDeps } from "@/lib/projects/default-deps";
import type { ProjectDeps } from "@/lib/projects/deps";
import { isShuttingDown } from "@/lib/server/graceful-shutdown";
import { defaultUserDeps } from "@/lib/users/default-deps";
import type { UserDeps } from "@/lib/users/deps";

/**
 * Everything a route handler takes from the process, each built on first call so a route pays only for
 * what it uses (the health check must answer while the database is down; the webhook route stays cheap).
 */
export interface RouteDeps {
  db: () => Promise<Database>;
  databaseHandle: () => Promise<DatabaseHandle>;
  config: () => Config;
  outbox: () => Outbox;
  analysis: () => Promise<AnalysisDeps>;
  projects: () => Promise<ProjectDeps>;
  users: () => Promise<UserDeps>;
  outbound: () => Promise<OutboundDeps>;
  githubWebhooks: () => Promise<GithubWebhookDeps>;
  githubApp: () => GithubApp;
  inngest: typeof inngest;
  /** Whether this process started the embedded job executor (readiness asks; tests say yes or no). */
  embeddedExecutorStarted: () => boolean;
  shuttingDown: () => boolean;
  /** The session of the request's cookie (Auth.js reads it from the request scope). */
  session: () => Promise<Session | null>;
  /** Ends the browser's session (clears its cookie in the response). */
  signOut: (options: { redirect: false }) => Promise<unknown>;
}

/** Builds a request's deps; `log` is the request's logger, so the domain code logs with its request id. */
export type RouteDepsProvider = (log: Logger) => RouteDeps;

/** The deps wired to this process: its database, configuration, GitHub App, Inngest client and Auth.js. */
export function processRouteDeps(log: Logger): RouteDeps {
  return {
    db: getDb,
    databaseHandle: getDatabaseHandle,
    config: getConfig,
    outbox: () => defaultOutbox(log),
    analysis: () => defaultAnalysisDeps(log),
    projects: () => defaultProjectDeps(log),
    users: () => defaultUserDeps(log),
    outbound: () => defaultOutboundDeps(log),
    githubWebhooks: () => defaultGithubWebhookDeps(log),
    githubApp: () => getGithubApp(getConfig()),
    inngest,
    embeddedExecutorStarted,
    shuttingDown: isShuttingDown,
    session: () => auth(),
    signOut: (options) => signOut(options),
  };
}

function embeddedExecutorStarted(): boolean {
  try {
    getEmbeddedExecutor();
    return true;
  } catch {
    return false;
  }
}

let provider: RouteDepsProvider = processRouteDeps;

/** The deps apiHandler hands to a request's handler. */
export function routeDeps(log: Logger): RouteDeps {
  return provider(log);
}

/** Replaces where routes get their deps (tests do, through test/route-deps.ts); `undefined` restores the process's. */
export function setRouteDepsProvider(next: RouteDepsProvider | undefined) {
  provider = next ?? processRouteDeps;
}
