import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { parse as parseYaml } from "yaml";

import { ANALYSIS_ARTIFACT_FILE, analysisArtifactName } from "@/lib/analysis/analysis-result";
import { featureCallbackKey, repositoryCallbackKey, signCallbackBody } from "@/lib/analysis/callback-signature";

import { sendAppWebhook, type WebhookTarget } from "./app-webhooks";
import type { Faults } from "./faults";
import { simulatedAnalysis } from "./simulated-analysis";
import type { SimulatedRun, SimulatorState } from "./simulator-state";

export interface WorkflowDefinition {
  /** File name under .github/workflows/, which GitHub also accepts as the workflow id. */
  file: string;
  name: string;
  runName: string;
  inputs: Record<string, { required: boolean; default?: string }>;
}

/** Reads a workflow file's name, run-name and workflow_dispatch inputs, as GitHub does when it is dispatched. */
export function loadWorkflowDefinition(file: string): WorkflowDefinition {
  const document = parseYaml(readFileSync(file, "utf8")) as {
    name?: string;
    "run-name"?: string;
    on?: { workflow_dispatch?: { inputs?: Record<string, { required?: boolean; default?: unknown }> } };
  };
  const inputs = Object.fromEntries(
    Object.entries(document.on?.workflow_dispatch?.inputs ?? {}).map(([name, input]) => [
      name,
      { required: input.required === true, default: input.default === undefined ? undefined : String(input.default) },
    ]),
  );
  const name = document.name ?? path.basename(file);
  return { file: path.basename(file), name, runName: document["run-name"] ?? name, inputs };
}

/** `${{ inputs.x }}` expressions of a run-name, filled in. */
export function renderRunName(template: string, inputs: Record<string, string>): string {
  return template.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_match, name: string) => inputs[name] ?? "");
}

export interface RunLifecycle {
  queuedMs: number;
  /** null: in progress until `state.completeRun(id)`. */
  runMs: number | null;
  /**
   * The app's WEBHOOK_SECRET: each simulated repository holds its own repository key, derived from it, as
   * its secret WEBHOOK_SECRET, as an admin sets it up from the repository's page.
   */
  workflowSecret: string;
  /** The run's GitHub Actions ID token for `audience`, for a callback that proves itself with OIDC. */
  mintIdToken(run: SimulatedRun, audience: string): Promise<string>;
  /** Where App webhooks go; none → no workflow_run webhook. */
  webhooks?: WebhookTarget;
  workflowRunPayload(run: SimulatedRun): Record<string, unknown>;
}

/**
 * Moves a dispatched run queued → in_progress → completed, doing what the shipped workflow does on the
 * way: upload the result artifact, post the signed callback (subject to the callback fault), and, once
 * completed, send the App's workflow_run webhook.
 */
export function startRunLifecycle(state: SimulatorState, run: SimulatedRun, lifecycle: RunLifecycle) {
  const callbackFault = state.faults.callback;
  const callbackDelayMs = state.faults.callbackDelayMs;
  // Completion is scheduled from the start, not alongside it: Node fires due timers list by list (one per
  // duration), so on a busy event loop a later "in_progress" could overwrite "completed".
  state.schedule(lifecycle.queuedMs, () => {
    run.status = "in_progress";
    run.startedAt = run.updatedAt = new Date();
    state.runCompletions.set(run.id, complete);
    if (lifecycle.runMs !== null) state.schedule(lifecycle.runMs, complete);
  });
  // Whichever comes first, the timer or completeRun, completes the run; the other finds it gone.
  const complete = async () => {
    if (state.runCompletions.get(run.id) !== complete) return;
    state.runCompletions.delete(run.id);
    const analysis = run.plannedConclusion === "success" ? resultOf(run, Date.now() - run.startedAt.getTime()) : undefined;
    if (analysis) uploadArtifact(state, run, analysis);
    // The callback step runs before the run completes; `if: always()` still posts after a failed step.
    const callbackUrl = run.inputs.callback_url;
    if (callbackUrl && (analysis || run.plannedConclusion === "failure")) {
      const body = {
        feature_id: run.inputs.feature_id,
        correlation_id: run.inputs.correlation_id,
        workflow_run_id: run.id,
        analysis: analysis ?? { error: "The analysis did not produce a result" },
      };
      await postCallback(state, lifecycle, run, callbackUrl, JSON.stringify(body), callbackFault, callbackDelayMs);
    }
    run.status = "completed";
    run.conclusion = run.plannedConclusion;
    run.updatedAt = new Date();
    const target = lifecycle.webhooks;
    if (target && state.faults.workflowRunWebhook) {
      await sendAppWebhook(state, target, {
        event: "workflow_run",
        payload: lifecycle.workflowRunPayload(run),
        installationId: run.installationId,
        repositoryId: null,
      });
    }
  };
}

/** The commit a simulated run checks out: stable per repository and ref. */
export const simulatedHeadSha = (run: Pick<SimulatedRun, "repository" | "ref">) =>
  createHash("sha1").update(`${run.repository}@${run.ref}`).digest("hex");

function resultOf(run: SimulatedRun, durationMs: number) {
  return simulatedAnalysis(run.inputs.feature_description ?? "", { commitSha: simulatedHeadSha(run), ref: run.ref, durationMs });
}

function uploadArtifact(state: SimulatorState, run: SimulatedRun, analysis: unknown) {
  const id = state.nextId();
  state.artifacts.set(id, {
    id,
    runId: run.id,
    repository: run.repository,
    name: analysisArtifactName(run.inputs.feature_id ?? ""),
    zip: zipSync({ [ANALYSIS_ARTIFACT_FILE]: strToU8(JSON.stringify(analysis, null, 2)) }),
    createdAt: new Date(),
  });
}

async function postCallback(
  state: SimulatorState,
  lifecycle: RunLifecycle,
  run: SimulatedRun,
  url: string,
  body: string,
  fault: Faults["callback"],
  delayMs: number,
) {
  if (fault === "drop") return;
  const send = async () => {
    const featureId = run.inputs.feature_id ?? "";
    let statusCode = 0;
    try {
      const proof = await callbackProof(state, lifecycle, run, url, body);
      const response = await fetch(url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
        headers: { "content-type": "application/json", "x-feature-id": featureId, ...proof },
        body,
      });
      statusCode = response.status;
      await response.body?.cancel();
    } catch {
      statusCode = 0;
    }
    state.callbacks.push({ featureId, correlationId: run.inputs.correlation_id ?? "", runId: run.id, statusCode, sentAt: new Date() });
  };
  if (fault === "delay") return state.schedule(delayMs, send);
  await send();
  if (fault === "duplicate") await send();
}

/**
 * What the shipped workflow's callback step sends to prove itself, per the repository's choice: the
 * signature with the repository's feature key, or the run's ID token requested with this server's URL
 * (the callback URL less its path) as the audience.
 */
async function callbackProof(
  state: SimulatorState,
  lifecycle: RunLifecycle,
  run: SimulatedRun,
  url: string,
  body: string,
): Promise<Record<string, string>> {
  const { callbackAuth, callbackAuthByRepository } = state.faults;
  const wanted = run.repository.toLowerCase();
  const chosen = Object.entries(callbackAuthByRepository).find(([repository]) => repository.toLowerCase() === wanted)?.[1] ?? callbackAuth;
  if (chosen === "oidc") {
    const audience = url.replace(/\/api\/v1\/webhooks\/analysis-result$/, "");
    return { authorization: `Bearer ${await lifecycle.mintIdToken(run, audience)}` };
  }
  const key = featureCallbackKey(repositoryCallbackKey(lifecycle.workflowSecret, run.repository), run.inputs.feature_id ?? "");
  return { "x-webhook-signature": signCallbackBody(key, body) };
}
