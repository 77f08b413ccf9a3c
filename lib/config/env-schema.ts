import "server-only";

import { z } from "zod";

/** Empty strings in the environment mean "not set", as they do in .env files. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((value) => (value === "" || value === undefined ? fallback : value), schema);

const port = (what: string) =>
  z.coerce
    .number({ error: `expected ${what}: a whole number from 0 to 65535` })
    .int(`expected ${what}: a whole number from 0 to 65535`)
    .min(0, `expected ${what}: a whole number from 0 to 65535`)
    .max(65535, `expected ${what}: a whole number from 0 to 65535`);

const commaList = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean),
);

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `expected ${what}: an http(s) URL` }).transform((url) => url.replace(/\/+$/, ""));

const seconds = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected ${what} in seconds` })
    .min(min, `expected ${what}: at least ${min} seconds`)
    .max(max, `expected ${what}: at most ${max} seconds`);

const retentionDays = (fallback: number) =>
  withDefault(z.coerce.number().int().min(1, "expected at least 1 day").max(3650, "expected at most 3650 days"), fallback);

/** Every environment variable the app reads, with its default. `.env.example` documents the same list. */
export const envSchema = z.object({
  NODE_ENV: withDefault(z.enum(["development", "production", "test"]), "development"),
  PORT: withDefault(port("the HTTP port"), 3000),
  DATA_DIR: withDefault(z.string().min(1, "expected a directory path"), ".data"),
  HOOKSMITH_DEMO: optional(z.enum(["true", "false"], "expected true or false").transform((value) => value === "true")),
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: "expected a postgres:// or postgresql:// connection URL" })),
  AUTH_SECRET: optional(z.string().min(32, "expected at least 32 characters (openssl rand -base64 32)")),
  AUTH_URL: optional(httpUrl("the public URL of the app, e.g. https://hooksmith.example.com")),
  AUTH_TRUST_HOST: optional(z.enum(["true", "false", "1", "0"], { error: "expected true or false" })),
  ADMIN_GITHUB_LOGINS: withDefault(commaList, ""),
  ALLOWED_GITHUB_ORGS: withDefault(commaList, ""),
  ALLOWED_GITHUB_LOGINS: withDefault(commaList, ""),
  ALLOW_ANY_GITHUB_USER: withDefault(
    z.enum(["true", "false"], "expected true or false").transform((value) => value === "true"),
    "false",
  ),
  SIGN_IN_POLICY_RECHECK_SECONDS: withDefault(seconds("how often org membership is re-checked", 60, 7 * 86_400), 3600),
  ADMIN_API_TOKEN: optional(
    z
      .string()
      .min(32, "expected at least 32 characters")
      .regex(/^[\x21-\x7e]+$/, "expected printable ASCII without spaces"),
  ),
  GITHUB_APP_ID: optional(z.string().regex(/^\d+$/, "expected the numeric GitHub App id")),
  GITHUB_APP_PRIVATE_KEY: optional(z.string().includes("PRIVATE KEY", { error: "expected a PEM private key" })),
  GITHUB_APP_PRIVATE_KEY_PATH: optional(z.string().min(1)),
  GITHUB_WEBHOOK_SECRET: optional(z.string().min(16, "expected at least 16 characters")),
  GITHUB_CLIENT_ID: optional(z.string().min(1)),
  GITHUB_CLIENT_SECRET: optional(z.string().min(1)),
  GITHUB_API_URL: withDefault(httpUrl("the GitHub REST API base URL"), "https://api.github.com"),
  /** Unset: PORT + 1 (lib/server/start-server.ts), so the simulator's URL is stable across restarts. */
  GITHUB_SIMULATOR_PORT: optional(port("the GitHub simulator port (0 picks a free one)")),
  INNGEST_EVENT_KEY: optional(z.string().min(1)),
  INNGEST_SIGNING_KEY: optional(z.string().regex(/^signkey-[\w]+-[0-9a-f]+$/i, "expected an Inngest signing key: signkey-<env>-<hex>")),
  INNGEST_BASE_URL: optional(httpUrl("the Inngest server URL (self-hosted)")),
  INNGEST_DEV: optional(z.string().min(1)),
  INNGEST_SERVE_ORIGIN: optional(httpUrl("the origin Inngest calls the app at, e.g. https://hooksmith.example.com")),
  WEBHOOK_SECRET: optional(z.string().min(16, "expected at least 16 characters (openssl rand -hex 32)")),
  WEBHOOK_SECRET_PREVIOUS: optional(z.string().min(16, "expected at least 16 characters")),
  WEBHOOK_SECRET_PREVIOUS_UNTIL: optional(
    z.iso
      .datetime({ offset: true, error: "expected an ISO 8601 date and time, e.g. 2026-12-31T00:00:00Z" })
      .transform((value) => new Date(value)),
  ),
  WEBHOOK_BASE_URL: optional(httpUrl("the public URL workflows post analysis callbacks to")),
  ANALYSIS_OIDC_ISSUERS: withDefault(
    z
      .string()
      .transform((value) =>
        value
          .split(",")
          .map((item) => item.trim().replace(/\/+$/, ""))
          .filter(Boolean),
      )
      .pipe(z.array(z.url({ protocol: /^https?$/, error: "expected comma-separated issuer URLs" }))),
    "https://token.actions.githubusercontent.com",
  ),
  ANALYSIS_WORKFLOW: withDefault(
    z.string().regex(/^[\w.-]+\.ya?ml$/, "expected a workflow file name such as analyze-feature.yml"),
    "analyze-feature.yml",
  ),
  ANALYSIS_WORKFLOW_REF: optional(z.string().min(1)),
  ANALYSIS_POLLING_INTERVAL_SECONDS: withDefault(seconds("the analysis polling interval", 1, 3600), 30),
  ANALYSIS_POLLING_TIMEOUT_SECONDS: withDefault(seconds("the analysis polling timeout", 1, 86_400), 900),
  ANALYSIS_WEBHOOK_GRACE_SECONDS: withDefault(seconds("the analysis callback grace period", 0, 3600), 300),
  // At least 32 MB: a single Inngest call may be that large.
  REQUEST_BODY_BUFFER_MAX_BYTES: withDefault(
    z.coerce
      .number()
      .int()
      .min(33_554_432, "expected at least 33554432 bytes (32 MB)")
      .max(8_589_934_592, "expected at most 8589934592 bytes"),
    134_217_728,
  ),
  ANALYSIS_CALLBACK_MAX_BYTES: withDefault(z.coerce.number().int().min(1024).max(26_214_400), 1_048_576),
  GITHUB_SIMULATOR_WORKFLOW_SECONDS: withDefault(seconds("the simulated workflow duration", 0, 3600), 3),
  WEBHOOKS_CONFIG_PATH: withDefault(z.string().min(1), "config/webhooks.yaml"),
  WEBHOOK_SECRETS_DIR: withDefault(z.string().min(1), "/run/secrets"),
  ALLOW_INSECURE_WEBHOOK_URLS: withDefault(
    z.enum(["true", "false"], "expected true or false").transform((value) => value === "true"),
    "false",
  ),
  WEBHOOK_MAX_RETRIES: withDefault(z.coerce.number().int().min(0, "expected 0 to 20").max(20, "expected 0 to 20"), 5),
  WEBHOOK_RETRY_BASE_DELAY_SECONDS: withDefault(seconds("the retry base delay", 0.001, 3600), 5),
  WEBHOOK_TIMEOUT_SECONDS: withDefault(seconds("the delivery timeout", 0.1, 120), 10),
  WEBHOOK_AUTO_PAUSE_AFTER_FAILURES: withDefault(z.coerce.number().int().min(1).max(10_000), 20),
  WEBHOOK_EVENT_RETENTION_DAYS: retentionDays(7),
  /** Unset: the inbound retention, so a successful delivery is a duplicate for as long as it is kept. */
  WEBHOOK_DEDUP_WINDOW_SECONDS: optional(seconds("the inbound dedup window", 1, 3650 * 86_400)),
  OUTBOUND_EVENT_RETENTION_DAYS: retentionDays(30),
  WEBHOOK_DELIVERY_RETENTION_DAYS: retentionDays(30),
  JOB_RUN_RETENTION_DAYS: retentionDays(14),
  FEATURE_EVENT_RETENTION_DAYS: retentionDays(90),
  WEBHOOK_CONFIG_POLL_SECONDS: withDefault(seconds("how often an instance checks for a webhooks.yaml reload", 0.1, 3600), 5),
  SHUTDOWN_TIMEOUT_SECONDS: withDefault(seconds("the graceful shutdown timeout", 1, 3600), 25),
  JOBS_RETRY_BASE_MS: withDefault(z.coerce.number().int().min(1).max(3_600_000), 1000),
  LOG_LEVEL: withDefault(z.enum(["debug", "info", "warn", "error"]), "info"),
  METRICS_TOKEN: optional(
    z
      .string()
      .min(16, "expected at least 16 characters")
      .regex(/^[\x21-\x7e]+$/, "expected printable ASCII without spaces"),
  ),
});

export type Env = z.output<typeof envSchema>;
