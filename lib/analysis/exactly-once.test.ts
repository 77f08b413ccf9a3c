import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import type { Database } from "@/db";
import { analyses, featureEvents, features, jobEvents } from "@/db/schema";
import { analysisRecorded } from "@/inngest/events";
import {
  callbackBody,
  postAnalysisCallback,
  requestTestAnalysis,
  signedCallbackHeaders,
  simulatedRunCompleted,
  testAnalysisDeps,
} from "@/test/analysis";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { startTestGithub } from "@/test/github-simulator";

import { handleWorkflowRunCompleted } from "./handle-workflow-run-completed";
import { pollAnalysisRun } from "./poll-analysis-run";

const { db } = await setUpTestDatabase();
// The callback route sends its recorded hint through the app's Inngest client: the executor stores it.
await startAppTestExecutor(db);
const github = await startTestGithub();
const deps = testAnalysisDeps(db, github);

const ITERATIONS = 50;
const WAYS_HOME = 3;

/**
 * Makes the racers meet at the recording transaction: after `hold(n)` the next n transactions wait at their
 * start until released together. Without it the callback, which calls no GitHub API, would always record
 * before the other two result paths had even read the feature.
 */
function gateTransactions(database: Database) {
  const transaction = database.transaction.bind(database);
  const held: (() => void)[] = [];
  let parties = 0;
  // Told as each racer arrives, so the release waits for the last one without polling.
  let arrived = () => {};
  database.transaction = ((...args: Parameters<typeof transaction>) => {
    if (parties === 0) return transaction(...args);
    parties--;
    return new Promise<void>((resolve) => {
      held.push(resolve);
      arrived();
    }).then(() => transaction(...args));
  }) as typeof database.transaction;
  afterAll(() => {
    database.transaction = transaction;
  });
  return {
    hold(count: number) {
      parties = count;
    },
    /**
     * Waits until every held racer is at its transaction, then releases them together, the one that arrived
     * `first`-th first: PGlite runs transactions one at a time in call order, PostgreSQL really races them.
     */
    async releaseWhenAllArrived(count: number, first: number) {
      const all = new Promise<void>((resolve) => {
        arrived = () => held.length >= count && resolve();
        arrived();
      });
      // A racer that never arrives leaves this waiting: the test's timeout reports it.
      await all;
      const racers = held.splice(0);
      for (const release of [...racers.slice(first % count), ...racers.slice(0, first % count)]) release();
    },
  };
}
const gate = gateTransactions(db);

/** Requests an attempt and lets its simulated run finish, so all three result paths have a result to bring. */
async function completedAttempt() {
  const { feature, runId } = await requestTestAnalysis(deps);
  const run = await simulatedRunCompleted(github, runId!);
  return { feature, run };
}

describe("exactly one result per attempt", () => {
  it(`records one result when the callback, a poll and the workflow_run webhook race, ${ITERATIONS} times`, async () => {
    const attempts = await Promise.all(Array.from({ length: ITERATIONS }, completedAttempt));
    const winners: Record<string, number> = {};

    for (const [iteration, { feature, run }] of attempts.entries()) {
      const body = callbackBody(feature);
      gate.hold(WAYS_HOME);
      const racing = Promise.all([
        postAnalysisCallback(body, signedCallbackHeaders(feature, body)),
        pollAnalysisRun(deps, { featureId: feature.id, correlationId: feature.analysisCorrelationId!, runId: run.id, poll: 0 }),
        handleWorkflowRunCompleted(deps, { runId: run.id, runName: run.name, conclusion: run.conclusion, repository: run.repository }),
      ]);
      await gate.releaseWhenAllArrived(WAYS_HOME, iteration);
      const [callback, poll, workflowRun] = await racing;

      const rows = await db.select().from(analyses).where(eq(analyses.featureId, feature.id));
      expect(rows).toHaveLength(1);
      const winner = rows[0]!.source;
      winners[winner] = (winners[winner] ?? 0) + 1;
      // Every way home answers success; only the winner says it recorded the result.
      expect(callback.status).toBe(200);
      expect((await callback.json()).status).toBe(winner === "webhook" ? "success" : "duplicate");
      expect(poll.state).toBe("settled");
      expect(workflowRun).toEqual({ matched: true, recorded: winner === "workflow_run_event" });
    }

    const ids = attempts.map(({ feature }) => feature.id);
    const outcomes = await db.select().from(featureEvents).where(inArray(featureEvents.featureId, ids));
    const settled = outcomes.filter((event) => event.kind === "completed" || event.kind === "failed");
    expect(settled.map((event) => event.featureId).sort()).toEqual([...ids].sort());
    const states = await db.select({ status: features.status }).from(features).where(inArray(features.id, ids));
    expect(states.every((feature) => feature.status === "completed")).toBe(true);
    const correlationIds = new Set(attempts.map(({ feature }) => feature.analysisCorrelationId));
    const hints = [
      ...deps.sent.filter((event) => event.name === analysisRecorded.name),
      ...(await db.select().from(jobEvents).where(eq(jobEvents.name, analysisRecorded.name))),
    ].filter((event) => correlationIds.has(event.data.correlation_id as string));
    expect(hints).toHaveLength(ITERATIONS);
    // Each way home won some races: the racers really met at the conditional UPDATE.
    expect(Object.keys(winners).sort()).toEqual(["polling", "webhook", "workflow_run_event"]);
    // 50 three-way races: a few seconds on a quiet machine, past the default 20 s on a loaded one.
  }, 120_000);

  it("answers a callback arriving after the poller recorded the result as a duplicate, and records nothing more", async () => {
    const { feature, run } = await completedAttempt();
    expect(
      await pollAnalysisRun(deps, { featureId: feature.id, correlationId: feature.analysisCorrelationId!, runId: run.id, poll: 0 }),
    ).toMatchObject({ state: "settled" });

    const body = callbackBody(feature);
    const late = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
    expect(late.status).toBe(200);
    expect(await late.json()).toEqual({ status: "duplicate", feature_id: feature.id, analysis_status: "completed" });
    const lateWebhook = await handleWorkflowRunCompleted(deps, {
      runId: run.id,
      runName: run.name,
      conclusion: run.conclusion,
      repository: run.repository,
    });
    expect(lateWebhook).toEqual({ matched: false, recorded: false });

    expect(await db.select().from(analyses).where(eq(analyses.featureId, feature.id))).toEqual([
      expect.objectContaining({ source: "polling", status: "completed" }),
    ]);
    const events = await db.select().from(featureEvents).where(eq(featureEvents.featureId, feature.id));
    expect(events.filter((event) => event.kind === "duplicate_ignored")).toHaveLength(1);
    expect((await db.select().from(features).where(eq(features.id, feature.id)))[0]).toMatchObject({
      status: "completed",
      webhookReceivedAt: null,
    });
  });
});
