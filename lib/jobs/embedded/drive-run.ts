import "server-only";

import { and, eq, sql } from "drizzle-orm";

import { queryRows } from "@/db/client";
import { jobRuns, jobRunSteps, type JobRun, type MemoizedStep } from "@/db/schema";

import { compileExpression } from "./compile-expression";
import type { ExecutorDeps } from "./deps";
import type { RegisteredFunction } from "./register-functions";
import { assertTransition, type RunStatus } from "./run-status";
import { signRequestBody } from "./sign-request-body";
import { parseTimeString, wakeTime } from "./time-string";

/** An op in a 206 answer of the serve handler (inngest `OutgoingOp`). */
interface OutgoingOp {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  opts?: { if?: string; timeout?: string };
  data?: unknown;
  error?: unknown;
}

/** What a driver writes back to its run: always a status, and whatever else changed. */
type RunUpdate = Partial<typeof jobRuns.$inferInsert> & { status: RunStatus };
type StepRow = { stepId: string; name: string; op: string; status: string; error?: unknown };
type RunError = { name?: string; message: string; stack?: string };
/** How one call of the function ended: the run's update, the step rows for the timeline, and the failure if it failed. */
type CallOutcome = { update: RunUpdate; steps: StepRow[]; failure?: RunError };

/** One call of the serve handler may take this long (the lease, in start-embedded-executor.ts, outlives it). */
const REQUEST_TIMEOUT_MS = 5 * 60_000;
/** A waitForEvent without a timeout gives up after a week. */
const DEFAULT_WAIT_TIMEOUT_MS = 7 * 24 * 60 * 60_000;
/** Exponential retry backoff stops growing at an hour. */
const MAX_RETRY_BACKOFF_MS = 60 * 60_000;

/** Calls of one run under one claim: then the run goes back to the queue, behind runs claimed meanwhile. */
const CALLS_PER_CLAIM = 100;

/**
 * Drives one claimed run as the Inngest server does: one call of the serve handler per step, storing what
 * the SDK answered each time — a finished step's result, a sleep, a wait, a step error to retry with
 * backoff, the function's result, or its failure. While steps finish and `keepDriving()` holds, the run is
 * called again at once under the same lease (renewed with each write) instead of being queued and claimed
 * anew. Each write applies only while this driver still holds the run (its lease token), so a run
 * cancelled or taken over meanwhile is left as the canceller or the new holder made it, and driving stops.
 */
export async function driveRun(deps: ExecutorDeps, claimed: JobRun, keepDriving: () => boolean = () => true): Promise<void> {
  let run: JobRun | undefined = claimed;
  for (let call = 1; run; call++) run = await driveStep(deps, run, call < CALLS_PER_CLAIM && keepDriving());
}

/** One call of the serve handler and its write-back; returns the run to call again, if it is kept. */
async function driveStep(deps: ExecutorDeps, run: JobRun, keep: boolean): Promise<JobRun | undefined> {
  const leaseToken = run.leaseToken;
  if (!leaseToken) throw new Error(`Job run ${run.id} was not claimed: it has no lease token`);
  const fn = deps.registry.get(run.functionId)!;
  const started = deps.now();
  const requestedStep = run.planned[0] ?? "step";
  const body = {
    event: run.event,
    events: [run.event],
    steps: run.steps,
    ctx: {
      run_id: run.id,
      attempt: run.attempt,
      max_attempts: fn.retries + 1,
      stack: { stack: run.stack, current: run.stack.length },
      // No fn_id: the SDK then runs steps immediately, one per request, without checkpointing to an API.
      disable_immediate_execution: false,
      use_api: false,
    },
    version: 2,
  };
  // Signed with the wall clock: the SDK checks it against its own, whatever clock schedules runs.
  const { text, signature } = signRequestBody(body, deps.signingKey, new Date());
  const url = new URL(deps.serveUrl);
  url.searchParams.set("fnId", fn.id);
  url.searchParams.set("stepId", requestedStep);

  let update: RunUpdate;
  let steps: StepRow[] = [];
  let failure: RunError | undefined;
  try {
    const response = await deps.callServeHandler(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-inngest-signature": signature, "x-inngest-server-kind": "cloud" },
        body: text,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }),
    );
    ({ update, steps, failure } = await interpret(deps, fn, run, response, requestedStep));
  } catch (error) {
    ({ update, steps, failure } = functionError(deps, fn, run, {
      error: { name: (error as Error).name, message: (error as Error).message },
      retriable: true,
    }));
  }

  assertTransition("running", update.status);
  const ended = deps.now();
  // A step finished and the run is due again now: it stays running under this lease.
  const again = keep && update.status === "queued" && update.attempt === 0 && update.nextRunAt! <= ended;
  const written: RunUpdate = again
    ? { ...update, status: "running", leaseUntil: new Date(ended.getTime() + deps.leaseMs) }
    : { ...update, leaseUntil: null, leaseToken: null };
  const status = await writeBack(deps, run, leaseToken, written, steps, started, ended);
  deps.log.info("job step", {
    run_id: run.id,
    function_id: fn.id,
    attempt: run.attempt,
    ops: steps.map((step) => `${step.op}:${step.name}`),
    status: status ?? "superseded",
    duration_ms: ended.getTime() - started.getTime(),
  });
  if (status === "failed" && failure) {
    await deps.ingest([
      { name: "inngest/function.failed", data: { function_id: fn.id, run_id: run.id, error: failure, event: run.event } },
    ]);
  }
  return again && status === "running" ? ({ ...run, ...written } as JobRun) : undefined;
}

/**
 * Writes the run back where this driver still holds it, and its step rows for the timeline, in one
 * statement (one round trip, atomic without a transaction). Returns the status written, or undefined
 * when the run was no longer this driver's.
 */
async function writeBack(
  deps: ExecutorDeps,
  run: JobRun,
  leaseToken: string,
  update: RunUpdate,
  steps: StepRow[],
  started: Date,
  ended: Date,
): Promise<RunStatus | undefined> {
  const updated = deps.db
    .update(jobRuns)
    .set(update)
    .where(and(eq(jobRuns.id, run.id), eq(jobRuns.status, "running"), eq(jobRuns.leaseToken, leaseToken)))
    .returning({ id: jobRuns.id, status: jobRuns.status });
  if (steps.length === 0) return (await updated)[0]?.status;
  const rows = await queryRows<{ status: RunStatus }>(
    deps.db,
    sql`with updated as (${updated.getSQL()}), inserted as (
      insert into ${jobRunSteps} (run_id, step_id, name, op, status, error, attempt, started_at, ended_at)
      select updated.id, s.step->>'stepId', s.step->>'name', s.step->>'op', s.step->>'status', s.step->'error', ${run.attempt}, ${started.toISOString()}::timestamptz, ${ended.toISOString()}::timestamptz
      from updated, jsonb_array_elements(${JSON.stringify(steps)}::jsonb) with ordinality as s(step, n)
      order by s.n
    ) select status from updated`,
  );
  return rows[0]?.status;
}

async function interpret(
  deps: ExecutorDeps,
  fn: RegisteredFunction,
  run: JobRun,
  response: Response,
  requestedStep: string,
): Promise<CallOutcome> {
  const now = deps.now();
  const payload = await response.json().catch(() => null);
  if (response.status === 200) {
    return { update: { status: "completed", output: payload, endedAt: now, attempt: 0 }, steps: [] };
  }
  if (response.status === 206 && Array.isArray(payload)) {
    return applyOps(deps, fn, run, payload as OutgoingOp[], requestedStep, response.headers.get("retry-after"));
  }
  const error = errorOf(payload, `The serve handler answered ${response.status}`);
  // 5xx and network errors are retried; a 4xx (NonRetriableError → 400, bad signature → 401) is final.
  const retriable = response.status >= 500 && response.headers.get("x-inngest-no-retry") !== "true";
  return functionError(deps, fn, run, { error, retriable, retryAfter: response.headers.get("retry-after") });
}

function applyOps(
  deps: ExecutorDeps,
  fn: RegisteredFunction,
  run: JobRun,
  ops: OutgoingOp[],
  requestedStep: string,
  retryAfter: string | null,
): CallOutcome {
  const now = deps.now();
  const steps: Record<string, MemoizedStep> = { ...run.steps };
  const stack = [...run.stack];
  let planned = run.planned.filter((id) => id !== requestedStep);
  const rows: StepRow[] = [];
  let update: RunUpdate = { status: "queued", nextRunAt: now, attempt: 0 };
  const name = (op: OutgoingOp) => op.displayName ?? op.name ?? op.id;

  for (const op of ops) {
    switch (op.op) {
      case "StepRun":
      case "Step":
        steps[op.id] = { type: "data", data: op.data ?? null };
        stack.push(op.id);
        rows.push({ stepId: op.id, name: name(op), op: op.op, status: "completed" });
        break;
      case "StepFailed":
        steps[op.id] = { type: "error", error: op.error };
        stack.push(op.id);
        rows.push({ stepId: op.id, name: name(op), op: op.op, status: "failed", error: op.error });
        break;
      case "StepError": {
        rows.push({ stepId: op.id, name: name(op), op: op.op, status: "retrying", error: op.error });
        const nextRunAt = retryAfter ? retryAfterDate(retryAfter, now) : backoff(deps, run.attempt, now);
        update = { status: "queued", attempt: run.attempt + 1, nextRunAt };
        break;
      }
      case "Sleep":
        stack.push(op.id);
        rows.push({ stepId: op.id, name: op.displayName ?? op.id, op: op.op, status: "sleeping" });
        update = { status: "sleeping", sleepStepId: op.id, nextRunAt: wakeTime(op.name ?? "0s", now), attempt: 0 };
        break;
      case "WaitForEvent": {
        const expression = op.opts?.if ?? null;
        try {
          if (expression) compileExpression(expression);
        } catch (error) {
          return functionError(deps, fn, run, {
            error: { name: "UnsupportedExpressionError", message: (error as Error).message },
            retriable: false,
          });
        }
        stack.push(op.id);
        rows.push({ stepId: op.id, name: op.displayName ?? op.id, op: op.op, status: "waiting" });
        const timeoutMs = op.opts?.timeout ? parseTimeString(op.opts.timeout) : DEFAULT_WAIT_TIMEOUT_MS;
        update = {
          status: "waiting",
          // The SDK puts the awaited event's name in `name`.
          wait: { stepId: op.id, event: op.name ?? "", expression, since: now.toISOString() },
          nextRunAt: new Date(now.getTime() + timeoutMs),
          attempt: 0,
        };
        break;
      }
      case "StepPlanned":
        planned = [...planned, op.id];
        rows.push({ stepId: op.id, name: name(op), op: op.op, status: "planned" });
        break;
      default:
        return functionError(deps, fn, run, {
          error: { name: "UnsupportedOpError", message: `The embedded job executor does not support ${op.op} (step ${name(op)})` },
          retriable: false,
        });
    }
  }
  return { update: { ...update, steps, stack, planned: [...new Set(planned)] }, steps: rows };
}

interface FunctionErrorOptions {
  error: RunError;
  /** False for errors a retry cannot mend (a 4xx, NonRetriableError, an op the executor does not run). */
  retriable: boolean;
  /** The serve handler's Retry-After (RetryAfterError): seconds or a date, in place of the backoff. */
  retryAfter?: string | null;
}

/** A failed call of the function itself: retried with backoff until its retries are spent, then failed. */
function functionError(
  deps: ExecutorDeps,
  fn: RegisteredFunction,
  run: JobRun,
  { error, retriable, retryAfter }: FunctionErrorOptions,
): CallOutcome {
  const now = deps.now();
  const row = { stepId: "function", name: "function", op: "FunctionError", error };
  if (retriable && run.attempt < fn.retries) {
    const after = retryAfter ? retryAfterDate(retryAfter, now) : backoff(deps, run.attempt, now);
    return { update: { status: "queued", attempt: run.attempt + 1, nextRunAt: after }, steps: [{ ...row, status: "retrying" }] };
  }
  return { update: { status: "failed", error, endedAt: now }, steps: [{ ...row, status: "failed" }], failure: error };
}

function backoff(deps: Pick<ExecutorDeps, "retryBaseMs">, attempt: number, now: Date): Date {
  return new Date(now.getTime() + Math.min(deps.retryBaseMs * 2 ** attempt, MAX_RETRY_BACKOFF_MS));
}

function retryAfterDate(value: string, now: Date): Date {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return new Date(now.getTime() + seconds * 1000);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? now : at;
}

function errorOf(payload: unknown, fallback: string): RunError {
  if (payload && typeof payload === "object" && "message" in payload) {
    const { name, message, stack } = payload as { name?: string; message: unknown; stack?: string };
    return { name, message: String(message), stack };
  }
  if (payload && typeof payload === "object" && "error" in payload) return { message: String((payload as { error: unknown }).error) };
  return { message: fallback };
}
