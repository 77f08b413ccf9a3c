import { InngestTestEngine, mockCtx } from "@inngest/test";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { POST as postCallback } from "@/app/api/v1/webhooks/analysis-result/route";
import { analyses, featureEvents, features, jobEvents } from "@/db/schema";
import type { Faults } from "@/github-simulator/faults";
import { analysisRecorded } from "@/inngest/events";
import { runConclusionReason, timedOutReason } from "@/lib/analysis/failure-reasons";
import { RUN_STATUS_EVERY_POLLS } from "@/lib/analysis/poll-analysis-run";
import { CALLBACK_PATH } from "@/lib/analysis/request-analysis";
import { getConfig } from "@/lib/config";
import { compileExpression } from "@/lib/jobs/embedded/compile-expression";
import { completeSimulatedRun, requestTestAnalysis, testAnalysisDeps, type SentEvent } from "@/test/analysis";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { serveRoutes } from "@/test/serve-route";

import { analysisPoller } from "./analysis-poller";

const { db } = await setUpTestDatabase();
// The poller's steps and the callback route send through the app's Inngest client: the executor stores those events.
await startAppTestExecutor(db);
// Runs stay in progress until a test completes them: what a poll sees depends on the poll, not on how
// fast a loaded machine gets to it.
const github = await startTestGithub({ timings: { queuedMs: 20, runMs: null } });
installAsProcessGithub(github);
const { url: appUrl } = await serveRoutes({ [CALLBACK_PATH]: postCallback });
const pollingOnly = testAnalysisDeps(db, github);
const {
  ANALYSIS_POLLING_INTERVAL_SECONDS: interval,
  ANALYSIS_WEBHOOK_GRACE_SECONDS: grace,
  ANALYSIS_POLLING_TIMEOUT_SECONDS: timeout,
} = getConfig();

beforeEach(() => github.simulator.state.reset());

interface WaitOptions {
  event: string;
  timeout: string;
  if?: string;
}

/** What Inngest would answer a wait with: a sent event of that name matching its `if`, else null (timed out). */
async function sentEventMatching(options: WaitOptions) {
  const matches = options.if ? compileExpression(options.if) : () => true;
  const sent = await db.select().from(jobEvents).where(eq(jobEvents.name, options.event));
  return sent.map(({ id, name, data, ts }) => ({ id, name, data, ts })).find((event) => matches({ async: event })) ?? null;
}

/**
 * Runs the poller for a requested attempt on @inngest/test, against the test database and simulator.
 * Before wait N answers, `beforeWait(N)` moves the world on (lets the run progress, arms a fault).
 */
async function runPoller(requested: SentEvent, beforeWait: (poll: number) => Promise<unknown> = async () => {}) {
  const answers = new Map<string, Promise<unknown>>();
  // The function replays from the top for every new step: each wait is answered once, then remembered.
  const waitForEvent = vi.fn((id: string, options: WaitOptions) => {
    if (!answers.has(id))
      answers.set(
        id,
        beforeWait(Number(id.replace("wait for result ", ""))).then(() => sentEventMatching(options)),
      );
    return answers.get(id)!;
  });
  const engine = new InngestTestEngine({
    function: analysisPoller,
    // @inngest/test 1.0 hands a mocked step's data to inngest 4.24 as a promise, which waitForEvent's
    // event validation rejects: the waits are answered here rather than mocked as steps by id.
    transformCtx: (raw) => {
      const ctx = mockCtx(raw);
      ctx.step.waitForEvent = waitForEvent as unknown as typeof ctx.step.waitForEvent;
      return ctx;
    },
  });
  // An unmocked sleep never returns on @inngest/test 1.0.
  const sleeps = Array.from({ length: 10 }, (_, poll) => ({ id: `rate limited ${poll}`, handler: () => null }));
  const output = await engine.execute({ events: [requested as never], steps: sleeps });
  return { ...output, waitForEvent };
}

const runStatus = (runId: number) => github.simulator.state.runs.get(runId)?.status;
const runInProgress = (runId: number) => vi.waitFor(() => expect(runStatus(runId)).toBe("in_progress"), { interval: 5, timeout: 10_000 });
const featureRow = async (id: string) => (await db.select().from(features).where(eq(features.id, id)))[0]!;
const analysesOf = (id: string) => db.select().from(analyses).where(eq(analyses.featureId, id));
const pollMessages = async (id: string) =>
  (await db.select().from(featureEvents).where(eq(featureEvents.featureId, id)).orderBy(asc(featureEvents.createdAt)))
    .filter((event) => event.kind === "polled")
    .map((event) => event.message);

describe("the analysis poller", () => {
  it("polls a run that succeeded and records its artifact from polling", async () => {
    const { feature, runId, requested } = await requestTestAnalysis(pollingOnly);
    const { result, ctx, waitForEvent } = await runPoller(requested, () => completeSimulatedRun(github, runId!));

    expect(result).toEqual({ outcome: "settled", polls: 1 });
    expect(waitForEvent).toHaveBeenCalledWith("wait for result 0", {
      event: analysisRecorded.name,
      timeout: `${interval}s`,
      if: `async.data.correlation_id == "${feature.analysisCorrelationId}"`,
    });
    expect(ctx.step.run).toHaveBeenCalledWith("poll 0", expect.any(Function));
    expect(await featureRow(feature.id)).toMatchObject({ status: "completed", failureReason: null, lastPolledAt: expect.any(Date) });
    const [analysis, ...more] = await analysesOf(feature.id);
    expect(more).toEqual([]);
    expect(analysis).toMatchObject({ source: "polling", status: "completed", workflowRunId: runId, modelUsed: "github-simulator" });
    expect(analysis!.result).toMatchObject({
      implementation_tasks: expect.arrayContaining([expect.objectContaining({ title: expect.any(String) })]),
    });
    // The poller's own recording sends the hint any other waiting poller would stop on.
    expect(await sentEventMatching(waitForEvent.mock.calls[0]![1])).toMatchObject({ data: { feature_id: feature.id } });
  });

  it("records a failed conclusion as a failed analysis with the reason", async () => {
    github.simulator.state.faults.conclusion = "failure";
    const { feature, runId, requested } = await requestTestAnalysis(pollingOnly);
    const { result } = await runPoller(requested, () => completeSimulatedRun(github, runId!));

    // No result artifact ever comes: the failure is seen on the first status read.
    expect(result).toEqual({ outcome: "settled", polls: RUN_STATUS_EVERY_POLLS });
    expect(await featureRow(feature.id)).toMatchObject({ status: "failed", failureReason: runConclusionReason("failure") });
    expect(await analysesOf(feature.id)).toEqual([
      expect.objectContaining({ source: "polling", status: "failed", error: runConclusionReason("failure"), result: null }),
    ]);
  });

  it("asks only for the result artifact between status reads, by conditional request (304 while unchanged), until the run uploads it", async () => {
    const { feature, runId, requested } = await requestTestAnalysis(pollingOnly);
    const before = { ...github.simulator.state.apiCalls, byRoute: { ...github.simulator.state.apiCalls.byRoute } };
    const statusPoll = RUN_STATUS_EVERY_POLLS - 1;
    const { result } = await runPoller(requested, async (poll) => {
      if (poll === 0) await runInProgress(runId!);
      if (poll === statusPoll + 2) await completeSimulatedRun(github, runId!);
    });

    expect(result).toEqual({ outcome: "settled", polls: statusPoll + 3 });
    const noResult = `Polled GitHub: no result from run ${runId} yet`;
    expect(await pollMessages(feature.id)).toEqual([
      noResult,
      ...Array(statusPoll - 1).fill(`${noResult} (304, no rate limit used)`),
      `Polled GitHub: run ${runId} is in_progress`,
      `${noResult} (304, no rate limit used)`,
      `Polled GitHub: run ${runId} uploaded its result`,
    ]);
    // Counted against the rate limit: two artifact lists, one status read and the download; the rest were 304s.
    const { apiCalls } = github.simulator.state;
    const actionsCalls = (byRoute: Record<string, number>) =>
      Object.entries(byRoute).reduce(
        (sum, [route, count]) => sum + (route.includes("/actions/") && !route.includes("dispatches") ? count : 0),
        0,
      );
    expect(actionsCalls(apiCalls.byRoute) - actionsCalls(before.byRoute)).toBe(4);
    expect(apiCalls.notModified - before.notModified).toBe(statusPoll + 1);
    expect(await featureRow(feature.id)).toMatchObject({ status: "completed" });
  });

  it("fails the attempt, saying it timed out, when the run has not completed by the polling timeout", async () => {
    // Requested longer ago than the timeout: the first poll is already past the deadline.
    const longAgo = new Date(Date.now() - (timeout + 60) * 1000);
    const { feature, runId, requested } = await requestTestAnalysis(testAnalysisDeps(db, github, { now: () => longAgo }));
    const { result, ctx } = await runPoller(requested, () => runInProgress(runId!));

    expect(result).toEqual({ outcome: "timed out", polls: 1 });
    expect(ctx.step.run).toHaveBeenCalledWith("time out", expect.any(Function));
    expect(await featureRow(feature.id)).toMatchObject({ status: "failed", failureReason: timedOutReason(timeout) });
    expect(await analysesOf(feature.id)).toEqual([
      expect.objectContaining({ source: "polling", status: "failed", error: timedOutReason(timeout) }),
    ]);
  });

  it.each<[string, Partial<Faults>, boolean]>([
    ["a 5xx", { serverErrors: 1 }, false],
    ["the primary rate limit", { rateLimited: 1, rateLimitResetSeconds: 60 }, true],
    ["a secondary rate limit", { secondaryRateLimited: 1, rateLimitResetSeconds: 60 }, true],
  ])("retries after %s without failing the feature, then records the result", async (_fault, faults, sleepsUntilReset) => {
    const { feature, runId, requested } = await requestTestAnalysis(pollingOnly);
    const { result, ctx } = await runPoller(requested, async (poll) => {
      if (poll === 0) {
        await completeSimulatedRun(github, runId!);
        Object.assign(github.simulator.state.faults, faults);
      } else {
        expect((await featureRow(feature.id)).status).toBe("analyzing");
      }
    });

    expect(result).toEqual({ outcome: "settled", polls: 2 });
    const transient = await db.select().from(featureEvents).where(eq(featureEvents.featureId, feature.id));
    expect(transient.filter((event) => event.kind === "transient_error")).toHaveLength(1);
    if (sleepsUntilReset) {
      // Past the next interval: the poller sleeps until the limit resets rather than spending calls.
      const resetAt = new Date((ctx.step.sleepUntil.mock.calls[0]?.[1] ?? 0) as string).getTime();
      expect(ctx.step.sleepUntil).toHaveBeenCalledWith("rate limited 0", expect.any(String));
      expect(resetAt).toBeGreaterThan(Date.now() + 30_000);
    } else {
      expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    }
    expect(await featureRow(feature.id)).toMatchObject({ status: "completed", failureReason: null });
    expect(await analysesOf(feature.id)).toEqual([expect.objectContaining({ source: "polling", status: "completed" })]);
  });

  it("stops without polling when the callback records the result during the first wait", async () => {
    const { feature, runId, requested } = await requestTestAnalysis(testAnalysisDeps(db, github, { callbackBaseUrl: appUrl }));
    const { result, ctx, waitForEvent } = await runPoller(requested, async () => {
      // The run posts its callback as it completes.
      await completeSimulatedRun(github, runId!);
      expect(github.simulator.state.callbacks).toContainEqual(expect.objectContaining({ featureId: feature.id, statusCode: 200 }));
    });

    expect(result).toEqual({ outcome: "recorded", polls: 0 });
    // With a callback on its way the first wait lasts the grace period.
    expect(waitForEvent).toHaveBeenCalledWith("wait for result 0", expect.objectContaining({ timeout: `${Math.max(interval, grace)}s` }));
    expect(ctx.step.run).not.toHaveBeenCalled();
    expect(await featureRow(feature.id)).toMatchObject({ status: "completed", lastPolledAt: null });
    expect(await analysesOf(feature.id)).toEqual([expect.objectContaining({ source: "webhook", status: "completed" })]);
  });
});
