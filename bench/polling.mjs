// 3. Polling cost: GitHub REST calls that count against the rate limit for one analysis of a 15-minute
// workflow, polling only (the callback dropped, no workflow_run webhook).
//
// Method: time is scaled 1:30 — the simulated workflow takes 30 s (≙ 15 min) and the poller asks every
// 1 s (≙ the production default of 30 s; 1 s is the configuration's minimum) with a 60 s timeout (≙ 30 min),
// no callback grace period (the worst case: polling from the start). The real app, executor and
// simulator run unchanged; the simulator counts every REST call, a 304 separately (free of rate limit).
// The naive design asks for the run's status every 30 s without ETags: 900/30 = 30 counted status calls
// + 2 artifact calls (list + download) = 32.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { freePort, sleep, startApp, BENCH_ADMIN_TOKEN as TOKEN } from "./lib.mjs";

const SCALE = 30; // 1 s of this run ≙ 30 s of production

export async function benchPolling() {
  console.log(
    `\n[3] Polling cost — 15-minute workflow simulated at 1:${SCALE} (30 s run, 1 s interval, callback dropped, no workflow_run webhook)`,
  );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-bench-"));
  const simulatorPort = await freePort();
  const simulator = `http://127.0.0.1:${simulatorPort}`;
  const app = await startApp({
    DATA_DIR: dataDir,
    ADMIN_API_TOKEN: TOKEN,
    GITHUB_SIMULATOR_PORT: String(simulatorPort),
    GITHUB_SIMULATOR_WORKFLOW_SECONDS: String(900 / SCALE),
    ANALYSIS_POLLING_INTERVAL_SECONDS: String(30 / SCALE),
    ANALYSIS_POLLING_TIMEOUT_SECONDS: String(1800 / SCALE),
    ANALYSIS_WEBHOOK_GRACE_SECONDS: "0",
  });
  const api = (route, init = {}) =>
    fetch(`${app.url}${route}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers },
    }).then(async (response) => {
      if (!response.ok) throw new Error(`${init.method ?? "GET"} ${route}: ${response.status} ${await response.text()}`);
      return response.json();
    });
  const control = (route, body) =>
    fetch(`${simulator}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  try {
    const feature = await api("/api/v1/features", {
      method: "POST",
      body: JSON.stringify({
        name: "Bench: polling cost",
        description: "Polling-only analysis for npm run bench.",
        priority: "low",
        repository: "demo-org/demo-app",
      }),
    });
    await control("/_simulator/reset");
    await control("/_simulator/faults", { callback: "drop", workflowRunWebhook: false });
    const started = Date.now();
    await api(`/api/v1/features/${feature.id}/analyze`, { method: "POST" });
    let status = "analyzing";
    while (status === "analyzing" && Date.now() - started < 120_000) {
      await sleep(500);
      status = (await api(`/api/v1/features/${feature.id}`)).status;
    }
    const seconds = (Date.now() - started) / 1000;
    const state = await fetch(`${simulator}/_simulator/state`).then((response) => response.json());
    const byRoute = state.api_calls.byRoute;
    const sum = (pattern) => Object.entries(byRoute).reduce((total, [route, count]) => total + (pattern.test(route) ? count : 0), 0);
    const statusCalls = sum(/GET .*\/actions\/runs\/:run_id$/);
    const artifactCalls = sum(/artifacts/);
    const listCalls = sum(/GET .*\/runs$/);
    const polling = statusCalls + artifactCalls + listCalls;
    const naive = 900 / 30 + 2;
    const result = {
      method: `1:${SCALE} time scale: ${900 / SCALE}s workflow, ${30 / SCALE}s interval, ${1800 / SCALE}s timeout, grace 0, callback dropped, workflowRunWebhook false`,
      outcome: status,
      wall_seconds: Math.round(seconds * 10) / 10,
      counted_calls_total: state.api_calls.counted,
      counted_polling_calls: polling,
      not_modified_304: state.api_calls.notModified,
      polling_requests: polling + state.api_calls.notModified,
      by_route: byRoute,
      naive_calls: naive,
      ratio_vs_naive: Math.round((polling / naive) * 1000) / 1000,
    };
    console.log(
      `  ${status} after ${result.wall_seconds}s: ${polling} counted polling calls (${state.api_calls.counted} counted in all, incl. dispatch/token), ${result.not_modified_304} × 304; naive ${naive}`,
    );
    return result;
  } finally {
    await app.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
