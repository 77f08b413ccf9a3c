import { eq } from "drizzle-orm";
import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it, vi } from "vitest";

import { POST } from "@/app/api/v1/webhooks/analysis-result/route";
import { analyses, featureEvents, features } from "@/db/schema";
import { verifyActionsIdToken } from "@/lib/analysis/verify-actions-id-token";
import { callbackBody, postAnalysisCallback, requestTestAnalysis, simulatedRunCompleted, testAnalysisDeps } from "@/test/analysis";
import { setUpTestDatabase } from "@/test/database";
import { startAppTestExecutor } from "@/test/embedded-jobs";
import { startTestGithub, TEST_INSTALLATION } from "@/test/github-simulator";
import { injectRouteDeps } from "@/test/route-deps";
import { serveRoutes } from "@/test/serve-route";

const { db } = await setUpTestDatabase();
await startAppTestExecutor(db);
const github = await startTestGithub({
  installations: [{ ...TEST_INSTALLATION, repositories: ["demo-org/demo-app", "demo-org/other-app"] }],
  // Runs stay in progress long enough to ask for their tokens by hand.
  timings: { queuedMs: 20, runMs: 60_000 },
});
const { url: appUrl } = await serveRoutes({ "/api/v1/webhooks/analysis-result": POST });
const clock = { now: () => new Date() };
const deps = testAnalysisDeps(db, github, {
  callbackBaseUrl: appUrl,
  now: () => clock.now(),
  settings: { oidc: { audience: appUrl, issuers: () => [github.simulator.oidc.issuer()] } },
});
injectRouteDeps({ analysis: async () => deps });

const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()).error });

/** An analysis in flight on the simulator, and an ID token of its run (for `audience`, this server's URL unless told). */
async function inFlight(repository = "demo-org/demo-app") {
  const { feature, runId } = await requestTestAnalysis(deps, { repository });
  const run = github.simulator.state.runs.get(runId!)!;
  const token = (audience = appUrl) => github.simulator.oidc.mintRunToken(run, audience);
  return { feature, run, token };
}

const postWithToken = (feature: Parameters<typeof callbackBody>[0], token: string) =>
  postAnalysisCallback(callbackBody(feature), { "x-feature-id": feature.id, authorization: `Bearer ${token}` });

describe("POST /api/v1/webhooks/analysis-result with a GitHub Actions ID token", () => {
  it("records the result when the run's token is for this server, its repository and its run", async () => {
    const { feature, token } = await inFlight();
    const response = await postWithToken(feature, await token());
    expect(await response.json()).toEqual({ status: "success", feature_id: feature.id, analysis_status: "completed" });
    const events = await db.select().from(featureEvents).where(eq(featureEvents.featureId, feature.id));
    expect(events.find((event) => event.kind === "callback_received")?.detail).toMatchObject({ credential: "id_token" });
  });

  it("answers 401 for a token for another audience, another repository's run, or another run of the repository", async () => {
    const { feature, token } = await inFlight();
    const otherRepository = await inFlight("demo-org/other-app");
    const sameRepository = await inFlight();
    const cases = [
      [await token("https://another-server.example"), /aud/],
      [await otherRepository.token(), /is for demo-org\/other-app/],
      [await sameRepository.token(), /is for run \d+, not the run dispatched/],
    ] as const;
    for (const [bad, reason] of cases) {
      const refused = await errorOf(await postWithToken(feature, bad));
      expect(refused).toMatchObject({ status: 401, code: "invalid_id_token" });
      expect(refused.message).toMatch(reason);
    }
    const [after] = await db.select().from(features).where(eq(features.id, feature.id));
    expect(after!.status).toBe("analyzing");
  });

  it("answers 401 for an expired token and for a token from an issuer that is not trusted", async () => {
    const { feature, token } = await inFlight();
    const minted = await token();
    clock.now = () => new Date(Date.now() + 10 * 60_000);
    try {
      expect(await errorOf(await postWithToken(feature, minted))).toMatchObject({ status: 401, message: "The ID token has expired" });
    } finally {
      clock.now = () => new Date();
    }
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ repository: feature.repository, run_id: String(feature.analysisWorkflowRunId) })
      .setProtectedHeader({ alg: "RS256" })
      .setIssuer("https://token.evil.example")
      .setAudience(appUrl)
      .setExpirationTime("5m")
      .sign(privateKey);
    expect((await errorOf(await postWithToken(feature, forged))).message).toMatch(/issuer https:\/\/token\.evil\.example is not trusted/);
  });

  it("refuses a token signed by a key that is not the issuer's", async () => {
    const { feature } = await inFlight();
    const { privateKey } = await generateKeyPair("RS256");
    const forged = await new SignJWT({ repository: feature.repository, run_id: String(feature.analysisWorkflowRunId) })
      .setProtectedHeader({ alg: "RS256", kid: "simulator-actions-oidc" })
      .setIssuer(github.simulator.oidc.issuer())
      .setAudience(appUrl)
      .setExpirationTime("5m")
      .sign(privateKey);
    const verdict = await verifyActionsIdToken(forged, { audience: appUrl, issuers: [github.simulator.oidc.issuer()], now: new Date() });
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
  });

  it("serves the ID token to the run's own request token only (ACTIONS_ID_TOKEN_REQUEST_URL), with GitHub's claims", async () => {
    const { run } = await inFlight();
    await vi.waitFor(() => expect(run.status).toBe("in_progress"));
    const endpoint = `${github.simulator.oidc.issuer()}/idtoken?api-version=2.0&audience=${encodeURIComponent(appUrl)}`;
    expect((await fetch(endpoint, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const answer = (await (await fetch(endpoint, { headers: { authorization: `Bearer ${run.idTokenRequestToken}` } })).json()) as {
      value: string;
    };
    const verdict = await verifyActionsIdToken(answer.value, {
      audience: appUrl,
      issuers: [github.simulator.oidc.issuer()],
      now: new Date(),
    });
    expect(verdict).toMatchObject({
      ok: true,
      claims: {
        repository: "demo-org/demo-app",
        run_id: String(run.id),
        repository_owner: "demo-org",
        event_name: "workflow_dispatch",
        ref: "refs/heads/main",
        sub: "repo:demo-org/demo-app:ref:refs/heads/main",
      },
    });
  });
});

describe("the simulated workflow's callback, end to end", () => {
  it.each(["oidc", "signature"] as const)("is recorded when the repository's workflow proves itself with %s", async (mode) => {
    const quick = await startTestGithub({ timings: { queuedMs: 10, runMs: 50 } });
    const quickDeps = testAnalysisDeps(db, quick, {
      callbackBaseUrl: appUrl,
      settings: { oidc: { audience: appUrl, issuers: () => [quick.simulator.oidc.issuer()] } },
    });
    Object.assign(deps, { settings: quickDeps.settings, octokitFor: quickDeps.octokitFor });
    try {
      Object.assign(quick.simulator.state.faults, { callbackAuthByRepository: { "Demo-Org/Demo-App": mode }, callbackAuth: "signature" });
      const { feature, runId } = await requestTestAnalysis(quickDeps);
      await simulatedRunCompleted(quick, runId!);
      await vi.waitFor(async () => {
        const [row] = await db.select().from(analyses).where(eq(analyses.featureId, feature.id));
        expect(row).toMatchObject({ source: "webhook", status: "completed" });
      });
      expect(quick.simulator.state.callbacks.find((callback) => callback.featureId === feature.id)?.statusCode).toBe(200);
      const events = await db.select().from(featureEvents).where(eq(featureEvents.featureId, feature.id));
      expect(events.find((event) => event.kind === "callback_received")?.detail).toMatchObject({
        credential: mode === "oidc" ? "id_token" : "signature",
      });
    } finally {
      const original = testAnalysisDeps(db, github, {
        callbackBaseUrl: appUrl,
        now: () => clock.now(),
        settings: { oidc: { audience: appUrl, issuers: () => [github.simulator.oidc.issuer()] } },
      });
      Object.assign(deps, { settings: original.settings, octokitFor: original.octokitFor });
    }
  });
});
