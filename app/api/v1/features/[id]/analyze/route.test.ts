import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";

import { featureEvents, features, jobEvents, type Feature } from "@/db/schema";
import { analysisRequested } from "@/inngest/events";
import { CALLBACK_PATH } from "@/lib/analysis/request-analysis";
import { createApiToken } from "@/lib/auth/create-api-token";
import { getConfig } from "@/lib/config";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { createTestFeature } from "@/test/features";
import { createUser } from "@/test/fixtures";
import { installAsProcessGithub, startTestGithub } from "@/test/github-simulator";
import { bearer, callRoute, sessionHeaders } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";
import { testBrowser } from "@/test/session";

import { POST } from "./route";

const { db } = await setUpTestDatabase();
// The route hands the attempt to the poller through the app's Inngest client: the executor stores the event.
await startAppTestExecutor(db);
const github = await startTestGithub();
installAsProcessGithub(github);
const user = await createUser(db);
const { secret } = await createApiToken({ db }, { userId: user.id, name: "script" });
const browser = testBrowser();
browser.signInAs(user);
injectRouteDeps(browser.deps);

beforeEach(() => {
  github.simulator.state.reset();
  // Demo mode's callback URL is the app server's own port, where nothing of this test listens.
  github.simulator.state.faults.callback = "drop";
});

const analyze = (id: string, headers: Record<string, string> = bearer(secret)) =>
  callRoute(POST, new Request(`http://app.test/api/v1/features/${id}/analyze`, { method: "POST", headers }), { id });
const featureRow = async (id: string) => (await db.select().from(features).where(eq(features.id, id)))[0]!;
const requestedEvents = async (featureId: string) =>
  (await db.select().from(jobEvents).where(eq(jobEvents.name, analysisRequested.name))).filter(
    (event) => event.data.feature_id === featureId,
  );
const errorOf = async (response: Response) => (await response.json()).error as { code: string; message: string };

/** A feature whose last attempt failed: every analysis column holds something a refused dispatch must keep. */
async function previouslyFailedFeature(): Promise<Feature> {
  const feature = await createTestFeature(db);
  const [failed] = await db
    .update(features)
    .set({
      status: "failed",
      analysisCorrelationId: randomUUID(),
      analysisWorkflowRunId: 4242,
      analysisCallbackUrl: "https://hooksmith.example.com/api/v1/webhooks/analysis-result",
      analysisRequestedAt: new Date("2026-01-02T03:04:05.678Z"),
      webhookReceivedAt: new Date("2026-01-02T03:05:00.000Z"),
      lastPolledAt: new Date("2026-01-02T03:06:00.000Z"),
      failureReason: "timed out",
      updatedAt: new Date("2026-01-02T03:19:05.678Z"),
    })
    .where(eq(features.id, feature.id))
    .returning();
  return failed!;
}

describe("POST /api/v1/features/{id}/analyze", () => {
  it.each([
    ["an API token", () => bearer(secret)],
    ["a signed-in session", () => sessionHeaders()],
  ])("dispatches the workflow and answers 202 with the run and the attempt, for %s", async (_caller, headers) => {
    const feature = await createTestFeature(db);
    const response = await analyze(feature.id, headers());

    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toEqual({
      feature_id: feature.id,
      run_id: expect.any(Number),
      status: "analyzing",
      callback_url: `${getConfig().callbackBaseUrl}${CALLBACK_PATH}`,
      correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const run = github.simulator.state.runs.get(body.run_id);
    expect(run?.inputs).toMatchObject({ feature_id: feature.id, correlation_id: body.correlation_id, callback_url: body.callback_url });
    expect(await featureRow(feature.id)).toMatchObject({
      status: "analyzing",
      analysisCorrelationId: body.correlation_id,
      analysisWorkflowRunId: body.run_id,
      analysisCallbackUrl: body.callback_url,
    });
    const [requested, ...more] = await requestedEvents(feature.id);
    expect(more).toEqual([]);
    expect(requested!.data).toMatchObject({ correlation_id: body.correlation_id, run_id: body.run_id, callback: true });
  });

  it("answers 401 without credentials and 403 to a session from another origin, and leaves the feature alone", async () => {
    const feature = await createTestFeature(db);
    expect((await analyze(feature.id, {})).status).toBe(401);
    const crossSite = await analyze(feature.id, sessionHeaders("http://evil.test"));
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).code).toBe("csrf_rejected");
    expect(await featureRow(feature.id)).toEqual(feature);
    expect(github.simulator.state.runs.size).toBe(0);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const id of [randomUUID(), "nope"]) {
      const response = await analyze(id);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
    expect(github.simulator.state.runs.size).toBe(0);
  });

  it("answers 409 while an attempt is in flight, keeping that attempt", async () => {
    const feature = await createTestFeature(db);
    const first = await (await analyze(feature.id)).json();
    const again = await analyze(feature.id);

    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("analysis_in_progress");
    expect(await featureRow(feature.id)).toMatchObject({
      status: "analyzing",
      analysisCorrelationId: first.correlation_id,
      analysisWorkflowRunId: first.run_id,
    });
    expect(github.simulator.state.runs.size).toBe(1);
  });

  it.each([
    ["a pending feature", () => createTestFeature(db)],
    ["a feature whose last attempt failed", previouslyFailedFeature],
  ])(
    "answers 502 github_dispatch_failed when GitHub refuses the dispatch, leaving %s as it was with the refusal on its timeline",
    async (_which, create) => {
      const before = await create();
      github.simulator.state.faults.refuseDispatch = { status: 422, message: "Workflow does not have 'workflow_dispatch' trigger" };
      const response = await analyze(before.id);

      expect(response.status).toBe(502);
      const error = await errorOf(response);
      expect(error.code).toBe("github_dispatch_failed");
      expect(error.message).toContain("Workflow does not have 'workflow_dispatch' trigger");
      expect(await featureRow(before.id)).toEqual(before);
      expect(await db.select().from(featureEvents).where(eq(featureEvents.featureId, before.id))).toEqual([
        expect.objectContaining({ kind: "dispatch_failed", message: `The analysis did not start: ${error.message}` }),
      ]);
      expect(await requestedEvents(before.id)).toEqual([]);
    },
  );

  it("answers 422 when the GitHub App is not installed on the feature's repository", async () => {
    const before = await createTestFeature(db, { repository: "someone/elsewhere" });
    const response = await analyze(before.id);

    expect(response.status).toBe(422);
    expect(await errorOf(response)).toEqual({
      code: "repository_not_installed",
      message: "The GitHub App is not installed on someone/elsewhere",
    });
    expect(await featureRow(before.id)).toEqual(before);
    expect(github.simulator.state.runs.size).toBe(0);
  });

  it("finds the run by the correlation id in its name when GitHub answers the dispatch 204", async () => {
    github.simulator.state.faults.dispatchAnswer = 204;
    const feature = await createTestFeature(db);
    const response = await analyze(feature.id);

    expect(response.status).toBe(202);
    const body = await response.json();
    const [run] = [...github.simulator.state.runs.values()];
    expect(run?.inputs.correlation_id).toBe(body.correlation_id);
    expect(body.run_id).toBe(run!.id);
    expect((await featureRow(feature.id)).analysisWorkflowRunId).toBe(run!.id);
  });
});
