import "server-only";

import { envSchema, type Env } from "./env-schema";

export type { Env };

/**
 * GitHub credentials: all present means production GitHub. Demo mode (the simulator) is chosen, never
 * fallen into: HOOKSMITH_DEMO=true (`npm start` sets it on a fresh clone), or no credentials outside
 * production (`next dev`, tests). GITHUB_WEBHOOK_SECRET alone does not leave demo mode: the simulator signs with it.
 */
const GITHUB_CREDENTIALS = ["GITHUB_APP_ID", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"] as const satisfies readonly (keyof Env)[];

export type JobsEngine = "inngest" | "inngest-dev" | "embedded";

export type Config = Env & {
  /** True in demo mode: GitHub is the built-in simulator (HOOKSMITH_DEMO, or no credentials outside production). */
  demoMode: boolean;
  /** Who runs background functions: an Inngest server (cloud or self-hosted), a local dev server, or the embedded executor. */
  jobsEngine: JobsEngine;
  /** Where analysis callbacks are posted: WEBHOOK_BASE_URL, or this server itself in demo mode; none → polling only. */
  callbackBaseUrl: string | undefined;
  /** The origin a sync (PUT /api/inngest) registers with Inngest: INNGEST_SERVE_ORIGIN, AUTH_URL's, or this server on loopback. */
  inngestServeOrigin: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment; throws a ConfigError naming each bad variable and what it expects. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message} (got ${describe(source, issue.path)})`),
    );
  }
  const hasKey = Boolean(parsed.data.GITHUB_APP_PRIVATE_KEY || parsed.data.GITHUB_APP_PRIVATE_KEY_PATH);
  const present = GITHUB_CREDENTIALS.filter((name) => parsed.data[name] !== undefined);
  const noCredentials = present.length === 0 && !hasKey;
  if (parsed.data.HOOKSMITH_DEMO && !noCredentials) {
    throw new ConfigError(["HOOKSMITH_DEMO: demo mode simulates GitHub; unset it, or unset the GitHub App credentials"]);
  }
  // `next build` loads the route modules (and with them this) without a deployment's environment.
  const building = source.NEXT_PHASE === "phase-production-build";
  const demoMode = parsed.data.HOOKSMITH_DEMO ?? (noCredentials && (parsed.data.NODE_ENV !== "production" || building));
  const env = demoMode ? { ...parsed.data, ...demoPace(source) } : parsed.data;
  if (!demoMode) {
    const missing: string[] = [...GITHUB_CREDENTIALS, "GITHUB_WEBHOOK_SECRET" as const].filter((name) => env[name] === undefined);
    if (!hasKey) missing.push("GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_PATH)");
    if (missing.length > 0) {
      const why = noCredentials
        ? "required in production (or set HOOKSMITH_DEMO=true for a demo against the built-in GitHub simulator)"
        : "required once any GitHub App credential is set (unset them all for demo mode)";
      throw new ConfigError(missing.map((name) => `${name}: ${why}`));
    }
  }
  // Outside demo mode, who may sign in is a deliberate decision, never "anyone with a GitHub account" by default.
  if (!demoMode && env.ALLOWED_GITHUB_ORGS.length === 0 && env.ALLOWED_GITHUB_LOGINS.length === 0 && !env.ALLOW_ANY_GITHUB_USER) {
    throw new ConfigError([
      "ALLOWED_GITHUB_ORGS or ALLOWED_GITHUB_LOGINS: required outside demo mode (or ALLOW_ANY_GITHUB_USER=true to let any GitHub user in)",
    ]);
  }
  // The SDK reads INNGEST_DEV itself and then accepts unsigned calls: never in production.
  if (env.NODE_ENV === "production" && env.INNGEST_DEV) {
    throw new ConfigError([
      "INNGEST_DEV: refused in production (it turns off Inngest's signature checks); use INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY",
    ]);
  }
  if (env.INNGEST_EVENT_KEY && !env.INNGEST_SIGNING_KEY) {
    throw new ConfigError(["INNGEST_SIGNING_KEY: required with INNGEST_EVENT_KEY (the app must verify Inngest's calls)"]);
  }
  const jobsEngine: JobsEngine = env.INNGEST_EVENT_KEY ? "inngest" : env.INNGEST_DEV ? "inngest-dev" : "embedded";
  if (!demoMode && env.WEBHOOK_BASE_URL && !env.WEBHOOK_SECRET) {
    throw new ConfigError([
      "WEBHOOK_SECRET: required with WEBHOOK_BASE_URL (set the same value as the repository secret the workflow reads)",
    ]);
  }
  if (env.WEBHOOK_SECRET_PREVIOUS && !env.WEBHOOK_SECRET_PREVIOUS_UNTIL) {
    throw new ConfigError(["WEBHOOK_SECRET_PREVIOUS_UNTIL: required with WEBHOOK_SECRET_PREVIOUS (when the rotation's overlap ends)"]);
  }
  // Each poll is two steps of the poller; Inngest caps a function at 1,000 steps.
  if (env.ANALYSIS_POLLING_TIMEOUT_SECONDS / env.ANALYSIS_POLLING_INTERVAL_SECONDS > 400) {
    throw new ConfigError([
      `ANALYSIS_POLLING_TIMEOUT_SECONDS: at most 400 polling intervals (got ${env.ANALYSIS_POLLING_TIMEOUT_SECONDS}s / ${env.ANALYSIS_POLLING_INTERVAL_SECONDS}s)`,
    ]);
  }
  const callbackBaseUrl = env.WEBHOOK_BASE_URL ?? (demoMode ? `http://127.0.0.1:${env.PORT}` : undefined);
  const inngestServeOrigin = new URL(env.INNGEST_SERVE_ORIGIN ?? env.AUTH_URL ?? `http://127.0.0.1:${env.PORT}`).origin;
  return { ...env, demoMode, jobsEngine, callbackBaseUrl, inngestServeOrigin };
}

/**
 * Demo mode's simulated workflow takes seconds, not minutes: unless told otherwise, poll at its pace
 * (every 3 s, after a 5 s grace for the callback) so either way home shows within seconds.
 */
function demoPace(source: Record<string, string | undefined>): Partial<Env> {
  return {
    ...(!source.ANALYSIS_POLLING_INTERVAL_SECONDS && { ANALYSIS_POLLING_INTERVAL_SECONDS: 3 }),
    ...(!source.ANALYSIS_WEBHOOK_GRACE_SECONDS && { ANALYSIS_WEBHOOK_GRACE_SECONDS: 5 }),
  };
}

/** Shows what was given without ever echoing a secret's value. */
function describe(source: Record<string, string | undefined>, path: PropertyKey[]): string {
  const name = String(path[0]);
  const value = source[name];
  if (value === undefined) return "nothing";
  if (/SECRET|TOKEN|KEY|PASSWORD|DATABASE_URL/.test(name)) return `a value of ${value.length} characters`;
  return JSON.stringify(value);
}

let cached: Config | undefined;

/** The process configuration, parsed once from process.env. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
