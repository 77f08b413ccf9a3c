import { z } from "zod";

const conclusion = z.enum(["success", "failure", "cancelled", "timed_out"]);

/**
 * Switches that make the simulated GitHub misbehave the ways the real one does. Counters (`serverErrors`,
 * `rateLimited`, `secondaryRateLimited`) apply to the next N REST calls and count down.
 */
export const faultsSchema = z.object({
  /** What the simulated workflow does with its signed callback. */
  callback: z.enum(["deliver", "drop", "duplicate", "delay"]).default("deliver"),
  callbackDelayMs: z.number().int().min(0).max(600_000).default(5_000),
  /**
   * How the callback proves where it comes from: signed with the repository's callback key, or carrying the
   * run's GitHub Actions ID token (the workflow's OIDC step). Per repository (`owner/name`, any case) over the default.
   */
  callbackAuth: z.enum(["signature", "oidc"]).default("signature"),
  callbackAuthByRepository: z.record(z.string(), z.enum(["signature", "oidc"])).default({}),
  /** The conclusion of runs dispatched from now on. */
  conclusion: conclusion.default("success"),
  /** 200 with run details (github.com today) or 204 without them (older servers, GHES). */
  dispatchAnswer: z.union([z.literal(200), z.literal(204)]).default(200),
  /** Refuse workflow dispatches with this status and message (e.g. 422 "Workflow does not have 'workflow_dispatch' trigger"). */
  refuseDispatch: z
    .object({ status: z.number().int().min(400).max(599), message: z.string().min(1) })
    .nullable()
    .default(null),
  serverErrors: z.number().int().min(0).default(0),
  /** Primary rate limit: 403 with x-ratelimit-remaining 0 and a reset `rateLimitResetSeconds` ahead. */
  rateLimited: z.number().int().min(0).default(0),
  rateLimitResetSeconds: z.number().int().min(0).max(3600).default(1),
  /** Secondary rate limit: 429 with retry-after `rateLimitResetSeconds`. */
  secondaryRateLimited: z.number().int().min(0).default(0),
  /** Added latency on every REST call. */
  slowMs: z.number().int().min(0).max(60_000).default(0),
  /** The next N App webhooks fail to connect (GitHub records them failed and never retries). */
  dropWebhooks: z.number().int().min(0).default(0),
  /** Whether completed runs send the App's workflow_run webhook (when the simulator has a webhook URL). */
  workflowRunWebhook: z.boolean().default(true),
});

export type Faults = z.output<typeof faultsSchema>;
/**
 * A change to some faults: only the fields given. (zod 4's `.partial()` keeps each field's default, which
 * would reset every fault not named in the patch.)
 */
export const faultsPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(faultsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
      [K in keyof typeof faultsSchema.shape]: z.ZodOptional<ReturnType<(typeof faultsSchema.shape)[K]["unwrap"]>>;
    },
  )
  .strict();

export const defaultFaults = (): Faults => faultsSchema.parse({});

export type ApiFault =
  { kind: "server_error" } | { kind: "rate_limited"; resetSeconds: number } | { kind: "secondary_rate_limited"; retryAfterSeconds: number };

/** Takes the next one-shot API fault, if any is armed. */
export function takeApiFault(faults: Faults): ApiFault | undefined {
  if (faults.serverErrors > 0) {
    faults.serverErrors--;
    return { kind: "server_error" };
  }
  if (faults.rateLimited > 0) {
    faults.rateLimited--;
    return { kind: "rate_limited", resetSeconds: faults.rateLimitResetSeconds };
  }
  if (faults.secondaryRateLimited > 0) {
    faults.secondaryRateLimited--;
    return { kind: "secondary_rate_limited", retryAfterSeconds: faults.rateLimitResetSeconds };
  }
  return undefined;
}
