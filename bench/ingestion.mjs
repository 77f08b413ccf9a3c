// 1 + 5. Inbound ingestion: POST /webhooks/github (a real ~10 KB signed push) at concurrency 32 on PGlite
// and on PostgreSQL, against a bare Next.js route on the same server, Probot and a plain Node server; how
// fast the accepted deliveries are processed during and after that load; the next-server's RSS and the
// whole process group's, idle and under that load.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { sign } from "@octokit/webhooks-methods";

import {
  cannon,
  groupRss,
  loggedDurations,
  percentile,
  ratio,
  ROOT,
  sampleRss,
  sleep,
  startApp,
  startNodeServer,
  summary,
} from "./lib.mjs";

const examples = createRequire(import.meta.url)("@octokit/webhooks-examples");

const SECRET = "hooksmith-bench-webhook-secret-0123";
const CONNECTIONS = 32;

/** The largest push example, with its head commit repeated until the body is ~10 KB (a push of several commits). */
function pushPayload(target = 10 * 1024) {
  const push = examples
    .find((example) => example.name === "push")
    .examples.reduce((a, b) => (JSON.stringify(b).length > JSON.stringify(a).length ? b : a));
  const payload = structuredClone(push);
  const template = payload.head_commit ?? payload.commits[0];
  let n = 0;
  while (JSON.stringify(payload).length < target - 700) {
    payload.commits.push({
      ...template,
      id: `${template.id.slice(0, 34)}${String(n).padStart(6, "0")}`,
      message: `${template.message} (${n++})`,
    });
  }
  return JSON.stringify(payload);
}

/** Median of a few RSS samples over ~3 s. */
async function idleRss(pgid) {
  const samples = [];
  for (let i = 0; i < 6; i++) {
    samples.push(groupRss(pgid));
    await sleep(500);
  }
  return samples.sort((a, b) => a.rssMb - b.rssMb)[3];
}

/** The route's own time (duration_ms of its request log lines) during a measured run. */
function handlerTimes(app, offset, pathname) {
  const durations = loggedDurations(app, offset, pathname);
  return { handler_p50_ms: percentile(durations, 50), handler_p99_ms: percentile(durations, 99) };
}

/** Inbound events by status, as the server's /metrics reads them from the database. */
async function inboundCounts(appUrl) {
  const text = await (await fetch(`${appUrl}/metrics`)).text();
  const counts = { total: 0, received: 0 };
  for (const match of text.matchAll(/^hooksmith_inbound_events\{[^}]*status="(\w+)"[^}]*\} (\d+)/gm)) {
    counts.total += Number(match[2]);
    if (match[1] === "received") counts.received += Number(match[2]);
  }
  return counts;
}

/**
 * End to end: every delivery accepted during the load (warm-up included) must end processed, ignored or
 * failed. Polls the server's counts after the load until none is left `received`, for at most twice the
 * load's duration (the target), then reports the rate over load + drain and what was left.
 */
async function endToEnd(appUrl, loadStarted, ackPerSecond) {
  const loadEnded = Date.now();
  const loadSeconds = (loadEnded - loadStarted) / 1000;
  const atLoadEnd = await inboundCounts(appUrl);
  let now = atLoadEnd;
  while (now.received > 0 && Date.now() - loadEnded < 2 * loadSeconds * 1000) {
    await sleep(500);
    now = await inboundCounts(appUrl);
  }
  const drainSeconds = (Date.now() - loadEnded) / 1000;
  const processed = now.total - now.received;
  const processedPerSecond = processed / (loadSeconds + drainSeconds);
  const drainRate = (atLoadEnd.received - now.received) / drainSeconds;
  const result = {
    load_seconds: Math.round(loadSeconds * 10) / 10,
    accepted: now.total,
    processed_during_load: atLoadEnd.total - atLoadEnd.received,
    processed_per_second: Math.round(processedPerSecond * 10) / 10,
    ratio_vs_ack: ratio(processedPerSecond, ackPerSecond),
    drained: now.received === 0,
    drain_seconds: Math.round(drainSeconds * 10) / 10,
    left_received: now.received,
    // Past the wait: the time the rest would take at the rate seen after the load.
    ...(now.received > 0 && { projected_drain_seconds: drainRate > 0 ? Math.round(drainSeconds + now.received / drainRate) : null }),
    ratio_drain_vs_load: null,
  };
  result.ratio_drain_vs_load = ratio(result.projected_drain_seconds ?? drainSeconds, loadSeconds);
  console.log(
    `  end to end: ${result.accepted} accepted, ${result.processed_during_load} processed during the load, ${result.processed_per_second}/s over load + drain (${result.ratio_vs_ack}× the ack rate), ${result.drained ? `drained in ${result.drain_seconds}s` : `${result.left_received} left after ${result.drain_seconds}s (projected ${result.projected_drain_seconds}s)`}`,
  );
  return result;
}

async function measure(label, { url, body, headers, seconds, warmup, pgid, app }) {
  await cannon({ url, body, headers, connections: CONNECTIONS, seconds: warmup });
  const stop = pgid ? sampleRss(pgid) : undefined;
  const offset = app?.output().length ?? 0;
  const result = summary(await cannon({ url, body, headers, connections: CONNECTIONS, seconds }));
  if (app) Object.assign(result, handlerTimes(app, offset, new URL(url).pathname));
  const peak = stop?.();
  console.log(
    `  ${label}: ${result.requests_per_second} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms${result.non_2xx || result.errors ? `, ${result.non_2xx} non-2xx, ${result.errors} errors` : ""}`,
  );
  return { ...result, ...(peak ? { peak_rss_mb: Math.round(peak.rssMb), peak_tree_rss_mb: Math.round(peak.groupMb) } : {}) };
}

export async function benchIngestion({ pg, seconds, warmup }) {
  const body = pushPayload();
  const headers = {
    "content-type": "application/json",
    "x-github-event": "push",
    "x-hub-signature-256": await sign(SECRET, body),
    "user-agent": "GitHub-Hookshot/bench",
  };
  console.log(`\n[1] Inbound ingestion — push payload ${body.length} bytes, concurrency ${CONNECTIONS}, ${warmup}s warm-up + ${seconds}s`);
  const results = { payload_bytes: body.length, concurrency: CONNECTIONS, seconds };
  const memory = {};

  for (const driver of ["pglite", "postgres"]) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-bench-"));
    const databaseUrl = driver === "postgres" ? await pg.createDatabase("ingest") : "";
    const app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, GITHUB_WEBHOOK_SECRET: SECRET });
    try {
      await sleep(5000); // let start-up work (migrations, executor, crons) settle
      const idle = await idleRss(app.child.pid);
      console.log(`  ${driver}: idle RSS ${Math.round(idle.rssMb)} MB (${idle.process}), process tree ${Math.round(idle.groupMb)} MB`);
      const noop = await measure(`${driver} bare route /bench/noop`, { url: `${app.url}/bench/noop`, body, headers, seconds, warmup });
      const loadStarted = Date.now();
      const webhook = await measure(`${driver} POST /webhooks/github`, {
        url: `${app.url}/webhooks/github`,
        body,
        headers,
        seconds,
        warmup,
        pgid: app.child.pid,
        app,
      });
      const end_to_end = await endToEnd(app.url, loadStarted, webhook.requests_per_second);
      results[driver] = {
        webhook,
        bare_route: noop,
        ratio_vs_bare_route: ratio(webhook.requests_per_second, noop.requests_per_second),
        end_to_end,
      };
      memory[driver] = {
        idle_rss_mb: Math.round(idle.rssMb),
        idle_tree_rss_mb: Math.round(idle.groupMb),
        load_rss_mb: webhook.peak_rss_mb,
        load_tree_rss_mb: webhook.peak_tree_rss_mb,
        process: idle.process,
      };
    } finally {
      await app.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (driver === "postgres") {
      // Baselines write the same row into the same (now migrated) database, with the app stopped.
      for (const [name, script] of [
        ["probot", "probot-server.mjs"],
        ["plain_node", "plain-server.mjs"],
      ]) {
        const server = await startNodeServer(path.join(ROOT, "bench", "baselines", script), [databaseUrl, SECRET]);
        try {
          results[name] = await measure(`${name} (PostgreSQL)`, { url: `${server.url}/webhooks/github`, body, headers, seconds, warmup });
        } finally {
          await server.kill();
        }
      }
    }
  }
  memory.postgres_without_simulator = await productionIdleRss(pg);
  for (const driver of ["pglite", "postgres"]) {
    results[driver].ratio_vs_probot = ratio(results[driver].webhook.requests_per_second, results.probot.requests_per_second);
    results[driver].ratio_vs_plain_node = ratio(results[driver].webhook.requests_per_second, results.plain_node.requests_per_second);
  }
  results.pglite_vs_postgres = ratio(results.pglite.webhook.requests_per_second, results.postgres.webhook.requests_per_second);
  return { ingestion: results, memory };
}

/**
 * Idle RSS with GitHub App credentials set (not demo mode), so the in-process GitHub simulator (and the
 * OpenAPI description it loads) is not started: what a production server holds. GITHUB_API_URL points at
 * a closed loopback port, so nothing leaves the machine.
 */
async function productionIdleRss(pg) {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-bench-"));
  try {
    const app = await startApp({
      DATA_DIR: dataDir,
      DATABASE_URL: await pg.createDatabase("prod"),
      GITHUB_APP_ID: "1",
      GITHUB_APP_PRIVATE_KEY: privateKey,
      GITHUB_WEBHOOK_SECRET: SECRET,
      GITHUB_CLIENT_ID: "bench",
      GITHUB_CLIENT_SECRET: "bench",
      ALLOW_ANY_GITHUB_USER: "true",
      GITHUB_API_URL: "http://127.0.0.1:4299/api/v3",
      WEBHOOK_SECRET: "hooksmith-bench-callback-secret-0123",
    });
    try {
      await sleep(5000);
      const idle = await idleRss(app.child.pid);
      console.log(
        `  postgres, GitHub App configured (no simulator): idle RSS ${Math.round(idle.rssMb)} MB, process tree ${Math.round(idle.groupMb)} MB`,
      );
      return { idle_rss_mb: Math.round(idle.rssMb), idle_tree_rss_mb: Math.round(idle.groupMb) };
    } finally {
      await app.kill();
    }
  } catch (error) {
    console.warn(`  production-config server did not start: ${error.message.slice(0, 300)}`);
    return { error: error.message.slice(0, 300) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
