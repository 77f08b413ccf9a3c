import { expect, vi } from "vitest";

import { POST as postCallbackRoute } from "@/app/api/v1/webhooks/analysis-result/route";
import type { Database } from "@/db";
import type { Feature } from "@/db/schema";
import { analysisRequested } from "@/inngest/events";
import { signCallbackBody } from "@/lib/analysis/callback-signature";
import type { AnalysisDeps, AnalysisSettings } from "@/lib/analysis/deps";
import { requestAnalysis } from "@/lib/analysis/request-analysis";
import { log } from "@/lib/log";
import { silentOutbox } from "@/lib/outbound/outbox";

import { createTestFeature, TEST_WEBHOOK_SECRET, testFeatureCallbackKey } from "./features";
import type { TestGithub } from "./github-simulator";
import { callRoute } from "./http";

export interface SentEvent {
  name: string;
  data: Record<string, unknown>;
}

/** AnalysisDeps whose sendEvent only records what was sent (`sent`), so a test decides what runs next. */
export type TestAnalysisDeps = AnalysisDeps & { sent: SentEvent[] };

/**
 * The analysis flow wired to the test database and the test GitHub simulator. Without `callbackBaseUrl`
 * the workflow gets no callback URL (polling and workflow_run only), as without WEBHOOK_BASE_URL.
 */
export function testAnalysisDeps(
  db: Database,
  github: TestGithub,
  options: { callbackBaseUrl?: string; now?: () => Date; settings?: Partial<AnalysisSettings> } = {},
): TestAnalysisDeps {
  const sent: SentEvent[] = [];
  return {
    db,
    settings: {
      workflow: "analyze-feature.yml",
      ref: "main",
      callbackBaseUrl: options.callbackBaseUrl,
      pollIntervalSeconds: 1,
      pollTimeoutSeconds: 60,
      webhookGraceSeconds: 0,
      callbackRoots: { current: TEST_WEBHOOK_SECRET },
      oidc: { audience: options.callbackBaseUrl, issuers: () => [] },
      ...options.settings,
    },
    octokitFor: github.octokitFor,
    sendEvent: async (event) => {
      sent.push(event);
    },
    now: options.now ?? (() => new Date()),
    log,
    outbox: silentOutbox,
    sent,
  };
}

/** A new feature whose analysis was requested from the simulator, and the requested event the poller starts from. */
export async function requestTestAnalysis(deps: TestAnalysisDeps, input: { repository?: string } = {}) {
  const created = await createTestFeature(deps.db, input);
  const { feature, runId } = await requestAnalysis(deps, created.id);
  const requested = deps.sent.findLast((event) => event.name === analysisRequested.name && event.data.feature_id === feature.id);
  if (!requested) throw new Error("requestAnalysis sent no requested event");
  return { feature, runId, requested };
}

/** Waits until the simulator has finished run `runId` (artifact uploaded, conclusion set). */
export async function simulatedRunCompleted(github: TestGithub, runId: number, wait = { timeout: 5000, interval: 10 }) {
  await vi.waitFor(() => expect(github.simulator.state.runs.get(runId)?.status).toBe("completed"), wait);
  return github.simulator.state.runs.get(runId)!;
}

/**
 * Completes simulated run `runId` once it is in progress (a simulator whose runs stay in progress until
 * told, `runMs: null`): a test that counts polls decides when the run ends, not the wall clock. A run
 * already completed is left as it is.
 */
export async function completeSimulatedRun(github: TestGithub, runId: number) {
  const status = () => github.simulator.state.runs.get(runId)?.status;
  await vi.waitFor(() => expect(status()).not.toBe("queued"), { timeout: 10_000, interval: 10 });
  if (status() === "in_progress") await github.simulator.state.completeRun(runId);
  return github.simulator.state.runs.get(runId)!;
}

/** The callback body the shipped workflow posts for the feature's current attempt. */
export function callbackBody(feature: Feature, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    feature_id: feature.id,
    correlation_id: feature.analysisCorrelationId,
    workflow_run_id: feature.analysisWorkflowRunId ?? undefined,
    analysis: {
      complexity: { level: "medium", score: 5 },
      implementation_tasks: [{ title: "Add CSV writer" }],
      custom_field: { kept: true },
    },
    ...extra,
  });
}

/** The headers the shipped workflow signs its callback with. */
export const signedCallbackHeaders = (feature: Pick<Feature, "id" | "repository">, body: string) => ({
  "x-feature-id": feature.id,
  "x-webhook-signature": signCallbackBody(testFeatureCallbackKey(feature), body),
});

/** POST /api/v1/webhooks/analysis-result through its route handler; undefined headers are left out. */
export function postAnalysisCallback(body: string, headers: Record<string, string | undefined>) {
  const defined = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>;
  return callRoute(
    postCallbackRoute,
    new Request("http://app.test/api/v1/webhooks/analysis-result", {
      method: "POST",
      headers: { "content-type": "application/json", ...defined },
      body,
    }),
  );
}
