import { describe, expect, it, vi } from "vitest";

import { startRunLifecycle } from "./simulated-run";
import { SimulatorState, type SimulatedRun } from "./simulator-state";

const lifecycle = {
  queuedMs: 10,
  runMs: 30,
  workflowSecret: "secret",
  mintIdToken: async () => "unused",
  workflowRunPayload: () => ({}),
};

function run(id: number): SimulatedRun {
  const now = new Date();
  return {
    id,
    runNumber: id,
    repository: "demo-org/demo-app",
    workflowPath: ".github/workflows/analyze-feature.yml",
    workflowName: "Analyze feature",
    name: `run ${id}`,
    ref: "main",
    inputs: {},
    installationId: 1,
    status: "queued",
    plannedConclusion: "cancelled",
    conclusion: null,
    createdAt: now,
    updatedAt: now,
    startedAt: now,
    idTokenRequestToken: `request-token-${id}`,
  };
}

const busy = (ms: number) => {
  for (const until = Date.now() + ms; Date.now() < until;);
};

describe("a simulated run's lifecycle", () => {
  it("ends every run completed when a busy event loop fires its timers late", async () => {
    const state = new SimulatorState([]);
    const runs: SimulatedRun[] = [];
    for (let i = 0; i < 40; i++) {
      runs.push(run(i));
      startRunLifecycle(state, runs[i]!, lifecycle);
      busy((i * 37) % 60); // a blocked event loop (a busy test process, a GC pause), varying
      await new Promise((resolve) => setTimeout(resolve, (i * 13) % 25));
    }
    await vi.waitFor(() => expect(state.timers.size).toBe(0), { interval: 1 });
    expect(runs.filter((started) => started.status !== "completed").map((started) => started.id)).toEqual([]);
  });
});
