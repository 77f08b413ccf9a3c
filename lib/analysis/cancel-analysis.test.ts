import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";

import { analyses, featureEvents, features, jobRuns } from "@/db/schema";
import { analysisPoller } from "@/inngest/functions/analysis-poller";
import { cancelJobRun } from "@/lib/jobs/cancel-job-run";
import {
  callbackBody,
  completeSimulatedRun,
  postAnalysisCallback,
  requestTestAnalysis,
  signedCallbackHeaders,
  testAnalysisDeps,
} from "@/test/analysis";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createUser } from "@/test/fixtures";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";

import { cancelAnalysis } from "./cancel-analysis";
import { POLLER_CANCELLED_REASON } from "./failure-reasons";
import { requestAnalysis } from "./request-analysis";

const { db } = await setUpTestDatabase();
const { executor, clock } = await startAppTestExecutor(db);
// Runs stay in progress until a test completes them, so whether GitHub can still cancel one is up to the test.
const github = await startTestGithub({ timings: { queuedMs: 20, runMs: null } });
installAsProcessGithub(github);
const admin = await createUser(db, { role: "admin" });
const member = await createUser(db);
const actor = { userId: admin.id, login: admin.login, role: admin.role };
// The poller runs on the executor, as in the server: requested events go to it.
const deps = testAnalysisDeps(db, github);
deps.sendEvent = async (event) => {
  deps.sent.push(event);
  await executor.send([event]);
};
const recordingDeps = testAnalysisDeps(db, github);

beforeEach(() => {
  github.simulator.state.reset();
  github.simulator.state.faults.callback = "drop";
  github.simulator.state.faults.workflowRunWebhook = false;
});

const featureRow = async (id: string) => (await db.select().from(features).where(eq(features.id, id)))[0]!;
const timeline = async (id: string) =>
  (await db.select().from(featureEvents).where(eq(featureEvents.featureId, id)).orderBy(asc(featureEvents.createdAt))).map((e) => e.kind);
const pollerRun = async (featureId: string) =>
  (
    await db
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.functionId, analysisPoller.id("hooksmith")))
  ).find((run) => (run.event.data as { feature_id: string }).feature_id === featureId)!;

describe("cancelling an analysis", () => {
  it("puts the feature back where it was, ignores the attempt's late result, and lets it be analyzed again", async () => {
    const { feature, runId } = await requestTestAnalysis(recordingDeps);
    const cancelled = await cancelAnalysis(recordingDeps, { featureId: feature.id, actor });

    expect(cancelled).toMatchObject({ status: "pending", analysisCorrelationId: feature.analysisCorrelationId });
    expect(await timeline(feature.id)).toEqual(["requested", "cancelled"]);
    expect(github.simulator.state.runs.get(runId!)?.plannedConclusion).toBe("cancelled");
    // A result for the cancelled attempt arriving later is a settled attempt's duplicate: nothing recorded.
    const body = callbackBody(feature);
    const late = await postAnalysisCallback(body, signedCallbackHeaders(feature, body));
    expect(await late.json()).toMatchObject({ status: "duplicate", analysis_status: "pending" });
    expect(await db.select().from(analyses).where(eq(analyses.featureId, feature.id))).toEqual([]);

    const again = await requestAnalysis(recordingDeps, feature.id);
    expect(again.feature.status).toBe("analyzing");
    await expect(cancelAnalysis(recordingDeps, { featureId: feature.id, actor })).resolves.toMatchObject({ status: "pending" });
    await expect(cancelAnalysis(recordingDeps, { featureId: feature.id, actor })).rejects.toMatchObject({
      status: 409,
      code: "no_analysis_running",
    });
  });

  it("records one cancelled entry, saying GitHub did not cancel, for a run that finished before GitHub was asked", async () => {
    const { feature, runId } = await requestTestAnalysis(recordingDeps);
    await completeSimulatedRun(github, runId!);
    await cancelAnalysis(recordingDeps, { featureId: feature.id, actor });

    const cancelledEvents = await db
      .select()
      .from(featureEvents)
      .where(and(eq(featureEvents.featureId, feature.id), eq(featureEvents.kind, "cancelled")));
    expect(cancelledEvents.map((event) => event.message)).toEqual([
      `Analysis cancelled: cancelled by ${admin.login}. GitHub did not cancel workflow run ${runId} ` +
        "(GitHub answered 409: Cannot cancel a workflow run that is completed.); its result will be ignored",
    ]);
  });

  it("returns a feature to its last recorded outcome, not to pending", async () => {
    const { feature } = await requestTestAnalysis(recordingDeps);
    await db
      .insert(analyses)
      .values({ featureId: feature.id, correlationId: "earlier", source: "webhook", status: "completed", result: {} });
    await cancelAnalysis(recordingDeps, { featureId: feature.id, actor });
    expect(await featureRow(feature.id)).toMatchObject({ status: "completed", failureReason: null });
  });

  it("refuses a member who did not create the feature (403)", async () => {
    const { feature } = await requestTestAnalysis(recordingDeps);
    await expect(
      cancelAnalysis(recordingDeps, { featureId: feature.id, actor: { userId: member.id, login: member.login, role: "member" } }),
    ).rejects.toMatchObject({ status: 403, code: "not_creator" });
    expect(await featureRow(feature.id)).toMatchObject({ status: "analyzing" });
  });

  it("ends the attempt when its poller run is cancelled through the jobs API, leaving the feature re-analyzable", async () => {
    const { feature } = await requestTestAnalysis(deps);
    await executor.drain();
    const run = await pollerRun(feature.id);
    expect(run.status).toBe("waiting");

    await cancelJobRun(db, run.id);
    await executor.drain();

    expect(await featureRow(feature.id)).toMatchObject({ status: "pending" });
    const [cancelledEvent] = await db
      .select()
      .from(featureEvents)
      .where(and(eq(featureEvents.featureId, feature.id), eq(featureEvents.kind, "cancelled")));
    expect(cancelledEvent!.message).toBe(`Analysis cancelled: ${POLLER_CANCELLED_REASON}`);
    expect((await requestAnalysis(recordingDeps, feature.id)).feature.status).toBe("analyzing");
  });

  it("fails the attempt in plain words when its poller dies, leaving the feature re-analyzable", async () => {
    const { feature, runId } = await requestTestAnalysis(deps);
    await executor.drain();
    // The run vanishes on GitHub: every poll is refused with a 404, which no retry mends.
    github.simulator.state.runs.delete(runId!);
    for (let i = 0; i < 12 && (await featureRow(feature.id)).status === "analyzing"; i++) {
      clock.advance(2 * 60 * 60_000);
      await executor.drain();
    }

    expect((await pollerRun(feature.id)).status).toBe("failed");
    const failed = await featureRow(feature.id);
    expect(failed.status).toBe("failed");
    expect(failed.failureReason).toMatch(/^Hooksmith lost track of the analysis after an internal error \(.+\)\. Retry to run it again\.$/);
    expect((await requestAnalysis(recordingDeps, feature.id)).feature.status).toBe("analyzing");
  });
});
