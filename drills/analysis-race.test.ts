// Fault drill 1: the three result paths race for 200 analyses, each through its real entry point — the
// simulated workflow posts its signed callback (twice: fault "duplicate") over HTTP to the callback route,
// the simulated App posts its signed workflow_run webhook over HTTP to /webhooks/github, which the embedded
// executor hands to the processing function, and a poll of the run (the poller's step).
// Exactly one analysis per attempt, exactly one "completed" timeline entry, exactly one recorded hint.
import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

import { POST as postCallback } from "@/app/api/v1/webhooks/analysis-result/route";
import { POST as receiveWebhook } from "@/app/webhooks/github/route";
import { analyses, featureEvents, features, jobEvents, webhookEvents } from "@/db/schema";
import { analysisRecorded } from "@/inngest/events";
import { pollAnalysisRun } from "@/lib/analysis/poll-analysis-run";
import { CALLBACK_PATH } from "@/lib/analysis/request-analysis";
import { callbackBody, requestTestAnalysis, signedCallbackHeaders, simulatedRunCompleted, testAnalysisDeps } from "@/test/analysis";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { installAsProcessGithub, startTestGithub, TEST_GITHUB_WEBHOOK_SECRET } from "@/test/github-simulator";
import { serveRoutes } from "@/test/serve-route";

const ATTEMPTS = Number(process.env.DRILL_ATTEMPTS ?? 200);
const CONCURRENCY = Math.min(20, ATTEMPTS);

const { db } = await setUpTestDatabase();
const { executor } = await startAppTestExecutor(db);
const inbound = await serveRoutes({ "/webhooks/github": receiveWebhook, [CALLBACK_PATH]: postCallback });
const github = await startTestGithub({
  webhooks: { url: `${inbound.url}/webhooks/github`, secret: TEST_GITHUB_WEBHOOK_SECRET },
  timings: { queuedMs: 10, runMs: 60 },
});
installAsProcessGithub(github);
// The callback is posted by the drill itself, at the moment the run completes.
github.simulator.state.faults.callback = "drop";
const deps = testAnalysisDeps(db, github, { callbackBaseUrl: inbound.url });
await executor.start();
afterAll(() => executor.stop());

const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 25)));

/**
 * One attempt: requested; the moment its run completes the simulator sends the workflow_run webhook, and
 * the workflow's signed callback and a poll set off too, each after a random jitter so every way home
 * gets to win some races.
 */
async function raceOne() {
  const { feature, runId } = await requestTestAnalysis(deps);
  await simulatedRunCompleted(github, runId!, { timeout: 30_000, interval: 2 });
  const body = callbackBody(feature);
  const [callback, poll] = await Promise.all([
    jitter().then(() =>
      fetch(`${inbound.url}${CALLBACK_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signedCallbackHeaders(feature, body) },
        body,
      }),
    ),
    jitter().then(() =>
      pollAnalysisRun(deps, { featureId: feature.id, correlationId: feature.analysisCorrelationId!, runId: runId ?? null, poll: 0 }),
    ),
  ]);
  expect(callback.status).toBe(200);
  expect(["success", "duplicate"]).toContain(((await callback.json()) as { status: string }).status);
  expect(["settled", "running"]).toContain(poll.state);
  return { feature, runId: runId! };
}

describe("drill: callback + workflow_run + poll racing", () => {
  it(`records exactly one analysis for each of ${ATTEMPTS} raced attempts`, { timeout: 240_000 }, async () => {
    const started = performance.now();
    const attempts: Awaited<ReturnType<typeof raceOne>>[] = [];
    for (let batch = 0; batch < ATTEMPTS / CONCURRENCY; batch++) {
      attempts.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, raceOne))));
    }
    const ids = attempts.map(({ feature }) => feature.id);
    const runIds = new Set(attempts.map(({ runId }) => runId));
    expect(new Set(ids).size).toBe(ATTEMPTS);

    // Every run's workflow_run webhook has arrived and been processed (as the winner or a no-op).
    await vi.waitFor(
      async () => {
        const rows = await db.select().from(webhookEvents).where(eq(webhookEvents.eventType, "workflow_run"));
        const ours = rows.filter((row) => runIds.has((row.payload as { workflow_run: { id: number } }).workflow_run.id));
        expect(ours).toHaveLength(ATTEMPTS);
        expect(ours.every((row) => row.status === "processed")).toBe(true);
      },
      { timeout: 60_000, interval: 100 },
    );

    const recorded = await db.select().from(analyses).where(inArray(analyses.featureId, ids));
    const perFeature = new Map<string, number>();
    for (const row of recorded) perFeature.set(row.featureId, (perFeature.get(row.featureId) ?? 0) + 1);
    expect([...perFeature.values()].filter((count) => count !== 1)).toEqual([]);
    expect(perFeature.size).toBe(ATTEMPTS);

    const timeline = await db.select().from(featureEvents).where(inArray(featureEvents.featureId, ids));
    expect(timeline.filter((event) => event.kind === "completed")).toHaveLength(ATTEMPTS);
    const states = await db.select({ status: features.status }).from(features).where(inArray(features.id, ids));
    expect(states.every((row) => row.status === "completed")).toBe(true);

    const correlationIds = new Set(attempts.map(({ feature }) => feature.analysisCorrelationId));
    const hints = (await db.select().from(jobEvents).where(eq(jobEvents.name, analysisRecorded.name))).filter((event) =>
      correlationIds.has(event.data.correlation_id as string),
    );
    const pollHints = deps.sent.filter(
      (event) => event.name === analysisRecorded.name && correlationIds.has(event.data.correlation_id as string),
    );
    expect(hints.length + pollHints.length).toBe(ATTEMPTS);

    const winners: Record<string, number> = {};
    for (const row of recorded) winners[row.source] = (winners[row.source] ?? 0) + 1;
    console.log(`drill 1: ${ATTEMPTS} attempts in ${Math.round(performance.now() - started)} ms, winners ${JSON.stringify(winners)}`);
  });
});
