import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { RequestError } from "@octokit/request-error";
import { describe, expect, it, vi } from "vitest";

import { analysisResultSchema, analysisRunName } from "@/lib/analysis/analysis-result";
import { isValidCallbackSignature } from "@/lib/analysis/callback-signature";
import { transientGithubError } from "@/lib/github/github-errors";
import {
  cancelWorkflowRun,
  dispatchWorkflow,
  downloadArtifactJson,
  findRunArtifact,
  findRunByName,
  getWorkflowRun,
} from "@/lib/github/workflows";
import { testFeatureCallbackKey } from "@/test/features";
import { startTestGithub } from "@/test/github-simulator";

const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const receiver = createServer(async (req, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  received.push({ headers: req.headers, body });
  res.writeHead(200, { "content-type": "application/json" }).end("{}");
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

// Queued for a second, so a run is read as queued right after dispatch even on a loaded CI machine.
const github = await startTestGithub({
  webhooks: { url: `${receiverUrl}/webhooks/github`, secret: "app-webhook-secret-0123456789" },
  timings: { queuedMs: 1000, runMs: 100 },
});
const { simulator } = github;
const REPOSITORY = "demo-org/demo-app";
const octokit = await github.octokitFor(REPOSITORY);

function dispatch(featureId = randomUUID(), callbackUrl = `${receiverUrl}/callback`) {
  const correlationId = randomUUID();
  return dispatchWorkflow(octokit, {
    repository: REPOSITORY,
    workflow: "analyze-feature.yml",
    ref: "main",
    inputs: {
      feature_id: featureId,
      feature_description: "Export invoices\n\nA CSV export. With totals per customer.",
      callback_url: callbackUrl,
      correlation_id: correlationId,
    },
  }).then((result) => ({ ...result, featureId, correlationId }));
}

const runStatus = async (runId: number) => {
  const answer = await getWorkflowRun(octokit, { repository: REPOSITORY, runId });
  return answer.notModified ? "unchanged" : answer.run.status;
};

describe("GitHub simulator: Actions", () => {
  it("runs a dispatched workflow queued → completed, with an artifact and a signed callback before completion", async () => {
    simulator.state.reset();
    const { runId, featureId, correlationId } = await dispatch();
    expect(runId).toEqual(expect.any(Number));
    expect(await runStatus(runId!)).toBe("queued");

    await vi.waitFor(async () => expect(await runStatus(runId!)).toBe("completed"), { timeout: 10_000 });
    const answer = await getWorkflowRun(octokit, { repository: REPOSITORY, runId: runId! });
    expect(answer).toMatchObject({ notModified: false, run: { status: "completed", conclusion: "success" } });

    const name = `feature-analysis-${featureId}`;
    const listed = await findRunArtifact(octokit, { repository: REPOSITORY, runId: runId!, name });
    expect(listed).toMatchObject({ notModified: false, artifactId: expect.any(Number), etag: expect.any(String) });
    if (listed.notModified) return;
    // The list answers 304 while the run has uploaded nothing new.
    expect(await findRunArtifact(octokit, { repository: REPOSITORY, runId: runId!, name, etag: listed.etag })).toEqual({
      notModified: true,
    });
    const analysis = await downloadArtifactJson(octokit, {
      repository: REPOSITORY,
      artifactId: listed.artifactId!,
      name,
      file: "analysis.json",
    });
    expect(analysisResultSchema.parse(analysis).implementation_tasks?.length).toBeGreaterThan(1);

    const callback = received.find((request) => request.headers["x-feature-id"] === featureId)!;
    expect(JSON.parse(callback.body)).toMatchObject({
      feature_id: featureId,
      correlation_id: correlationId,
      workflow_run_id: runId,
      analysis,
    });
    // Signed with the key of the run's repository, as the repository's secret holds it.
    const secret = testFeatureCallbackKey({ id: featureId, repository: REPOSITORY });
    expect(isValidCallbackSignature(secret, Buffer.from(callback.body), String(callback.headers["x-webhook-signature"]))).toBe(true);
  });

  it("sends the App's signed workflow_run webhook when a run completes", async () => {
    const { runId } = await dispatch();
    await vi.waitFor(
      () =>
        expect(
          received.some(
            (request) => request.headers["x-github-event"] === "workflow_run" && JSON.parse(request.body).workflow_run.id === runId,
          ),
        ).toBe(true),
      { timeout: 10_000 },
    );
    const webhook = received.find(
      (request) => request.headers["x-github-event"] === "workflow_run" && JSON.parse(request.body).workflow_run.id === runId,
    )!;
    const { verify } = await import("@octokit/webhooks-methods");
    expect(await verify("app-webhook-secret-0123456789", webhook.body, String(webhook.headers["x-hub-signature-256"]))).toBe(true);
    expect(JSON.parse(webhook.body)).toMatchObject({
      action: "completed",
      workflow_run: { status: "completed", conclusion: "success" },
      installation: { id: 5001 },
    });
  });

  it("cancels a run the way GitHub does: 202, the run ends cancelled with no result or callback, and a finished run is 409", async () => {
    const { runId, featureId } = await dispatch();
    await cancelWorkflowRun(octokit, { repository: REPOSITORY, runId: runId! });
    await vi.waitFor(async () => expect(await runStatus(runId!)).toBe("completed"), { timeout: 10_000 });
    const answer = await getWorkflowRun(octokit, { repository: REPOSITORY, runId: runId! });
    expect(answer).toMatchObject({ run: { status: "completed", conclusion: "cancelled" } });
    const name = `feature-analysis-${featureId}`;
    expect(await findRunArtifact(octokit, { repository: REPOSITORY, runId: runId!, name })).toMatchObject({ artifactId: null });
    expect(received.some((request) => request.headers["x-feature-id"] === featureId)).toBe(false);
    const again = await cancelWorkflowRun(octokit, { repository: REPOSITORY, runId: runId! }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(RequestError);
    expect((again as RequestError).status).toBe(409);
  });

  it("answers an unchanged run with 304 and counts no rate limit for it", async () => {
    simulator.state.faults.conclusion = "failure";
    const { runId } = await dispatch(undefined, "");
    simulator.state.faults.conclusion = "success";
    const queued = await getWorkflowRun(octokit, { repository: REPOSITORY, runId: runId! });
    await vi.waitFor(async () => expect(await runStatus(runId!)).toBe("completed"), { timeout: 10_000 });
    // The run changed since the first answer: its old ETag no longer matches.
    const changed = await getWorkflowRun(octokit, {
      repository: REPOSITORY,
      runId: runId!,
      etag: queued.notModified ? undefined : queued.etag,
    });
    expect(changed).toMatchObject({ notModified: false, run: { status: "completed", conclusion: "failure" } });

    const counted = simulator.state.apiCalls.counted;
    const unchanged = await getWorkflowRun(octokit, {
      repository: REPOSITORY,
      runId: runId!,
      etag: changed.notModified ? undefined : changed.etag,
    });
    expect(unchanged).toEqual({ notModified: true });
    expect(simulator.state.apiCalls.counted).toBe(counted);
    expect(simulator.state.apiCalls.notModified).toBeGreaterThan(0);
  });

  it("answers a dispatch with 204 when asked, and the run is found by the correlation id in its name", async () => {
    simulator.state.faults.dispatchAnswer = 204;
    const since = new Date();
    const { runId, featureId, correlationId } = await dispatch();
    simulator.state.faults.dispatchAnswer = 200;
    expect(runId).toBeNull();
    const found = await findRunByName(octokit, {
      repository: REPOSITORY,
      workflow: "analyze-feature.yml",
      marker: analysisRunName(featureId, correlationId),
      since,
    });
    expect(found).toEqual(expect.any(Number));
    expect(simulator.state.runs.get(found!)?.inputs.correlation_id).toBe(correlationId);
  });

  it("refuses dispatches the way GitHub does: missing inputs, unknown workflow, a switched-on refusal", async () => {
    const refused = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: RequestError) => [error.status, (error.response?.data as { message: string }).message],
      );
    expect(
      await refused(
        octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
          owner: "demo-org",
          repo: "demo-app",
          workflow_id: "analyze-feature.yml",
          ref: "main",
          inputs: { feature_id: "x" },
        }),
      ),
    ).toEqual([422, "Required input 'feature_description' not provided"]);
    expect(
      await refused(
        octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
          owner: "demo-org",
          repo: "demo-app",
          workflow_id: "nope.yml",
          ref: "main",
        }),
      ),
    ).toEqual([404, "Not Found"]);
    simulator.state.faults.refuseDispatch = { status: 422, message: "Workflow does not have 'workflow_dispatch' trigger" };
    expect(await refused(dispatch())).toEqual([422, "Workflow does not have 'workflow_dispatch' trigger"]);
    simulator.state.faults.refuseDispatch = null;
  });

  it("only lets the App reach repositories it is installed on", async () => {
    await expect(github.octokitFor("someone/else")).rejects.toMatchObject({ status: 404 });
    const response = await fetch(`${simulator.apiUrl}/app/installations`, { headers: { authorization: "Bearer not-a-jwt" } });
    expect(response.status).toBe(401);
  });

  it("switches faults: 5xx and rate limits are transient with the time to retry", async () => {
    const { runId } = await dispatch(undefined, "");
    const failure = async () =>
      getWorkflowRun(octokit, { repository: REPOSITORY, runId: runId! }).then(
        () => undefined,
        (error: unknown) => error,
      );

    simulator.state.faults.serverErrors = 1;
    expect(transientGithubError(await failure())).toMatchObject({ reason: "GitHub answered 502" });

    simulator.state.faults.rateLimited = 1;
    simulator.state.faults.rateLimitResetSeconds = 30;
    const limited = transientGithubError(await failure())!;
    expect(limited.reason).toMatch(/rate limit exceeded \(403\)/);
    expect(limited.retryAt!.getTime()).toBeGreaterThan(Date.now() + 25_000);

    simulator.state.faults.secondaryRateLimited = 1;
    expect(transientGithubError(await failure())).toMatchObject({ reason: "secondary rate limit (403)" });
    expect(await failure()).toBeUndefined();
  });

  it("switches faults over HTTP and validates them", async () => {
    const post = (body: unknown) =>
      fetch(`${simulator.url}/_simulator/faults`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ callback: "sometimes" })).status).toBe(400);
    const set = await post({ callback: "drop", conclusion: "failure" });
    expect(await set.json()).toMatchObject({ callback: "drop", conclusion: "failure" });
    expect((await fetch(`${simulator.url}/_simulator/reset`, { method: "POST" })).status).toBe(204);
    const state = await (await fetch(`${simulator.url}/_simulator/state`)).json();
    expect(state).toMatchObject({ faults: { callback: "deliver", conclusion: "success" }, runs: [] });
  });
});
