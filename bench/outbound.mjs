// 2. Outbound delivery: events emitted (POST …/endpoints/{id}/test, one webhook.test event each) until
// each is answered 2xx by a local receiver, through the job driver (the app's embedded executor), on
// PostgreSQL; emit→first attempt from the envelope's timestamp to the receiver's clock (same machine).
// Then the same with the receiver failing 30 % of requests (retries after 0.05 s · 2ⁿ). Baseline: a
// direct, sequential fetch loop to the same receiver (retrying at once on a failure) — sequential because
// an endpoint's deliveries are made in order, one at a time. Last, fan-out: 20 endpoints × 100 events,
// checked to arrive in each endpoint's order, against the one-endpoint rate.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";

import { freePort, percentile, ratio, sleep, startApp, BENCH_ADMIN_TOKEN as TOKEN } from "./lib.mjs";

const SECRET = `whsec_${Buffer.from("hooksmith-bench-outbound-secret!").toString("base64")}`;

function startReceiver(port) {
  const state = { failRate: 0, hits: [], firstAttempt: new Map(), succeeded: new Map(), successOrder: new Map() };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const at = Date.now();
      let event;
      try {
        event = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        event = {};
      }
      const ok = Math.random() >= state.failRate;
      state.hits.push({ id: event.event_id, at, ok });
      if (event.event_id && !state.firstAttempt.has(event.event_id))
        state.firstAttempt.set(event.event_id, at - Date.parse(event.timestamp));
      if (ok && event.event_id && !state.succeeded.has(event.event_id)) {
        state.succeeded.set(event.event_id, at);
        state.successOrder.set(req.url, [...(state.successOrder.get(req.url) ?? []), event.event_id]);
      }
      res.writeHead(ok ? 200 : 500, { "content-type": "text/plain" }).end(ok ? "ok" : "failing on purpose");
    });
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ state, close: () => new Promise((done) => server.close(done)) })),
  );
}

async function fetchLoop(url, n) {
  const webhook = new Webhook(SECRET);
  const started = performance.now();
  let attempts = 0;
  for (let i = 0; i < n; i++) {
    const id = `evt_loop_${i}`;
    const body = JSON.stringify({
      event_id: id,
      event_type: "webhook.test",
      timestamp: new Date().toISOString(),
      data: { message: "loop" },
    });
    for (;;) {
      const timestamp = new Date();
      attempts++;
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(timestamp / 1000)),
          "webhook-signature": webhook.sign(id, timestamp, body),
        },
        body,
      });
      await response.arrayBuffer();
      if (response.ok) break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { events_per_second: Math.round(n / seconds), attempts };
}

const FAN_OUT_ENDPOINTS = 20;
const FAN_OUT_EVENTS = 100;
const fanOutIds = Array.from({ length: FAN_OUT_ENDPOINTS }, (_, index) => `fan-${index}`);

/** Emits `ids.length` test events through the admin API from 4 concurrent clients, in the order given. */
async function emitTests(app, endpointIds) {
  const ids = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < endpointIds.length) {
        const endpoint = endpointIds[next++];
        const response = await fetch(`${app.url}/api/v1/admin/webhooks/endpoints/${endpoint}/test`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        if (response.status !== 202) throw new Error(`test event: ${response.status} ${await response.text()}`);
        ids.push((await response.json()).event_id);
      }
    }),
  );
  return ids;
}

async function untilDelivered(sql) {
  const deadline = Date.now() + 300_000;
  let open = 1;
  while (Date.now() < deadline) {
    [{ open }] = await sql`select count(*)::int as open from webhook_deliveries where status in ('pending', 'retrying')`;
    if (open === 0) break;
    await sleep(200);
  }
  return open;
}

function resetReceiver(receiver, failRate) {
  receiver.state.failRate = failRate;
  receiver.state.hits = [];
  receiver.state.firstAttempt.clear();
  receiver.state.succeeded.clear();
  receiver.state.successOrder.clear();
}

/** 20 endpoints × 100 events, all 2xx: events/s over all of them, and whether each endpoint got its own in order. */
async function fanOut(app, sql, receiver) {
  resetReceiver(receiver, 0);
  await sql`truncate webhook_delivery_attempts, webhook_deliveries, outbound_events cascade`;
  const started = Date.now();
  await emitTests(app, Array.from({ length: FAN_OUT_EVENTS }, () => fanOutIds).flat());
  const open = await untilDelivered(sql);
  const seconds = (Math.max(...receiver.state.succeeded.values()) - started) / 1000;
  const rows = await sql`select endpoint_id, event_id from webhook_deliveries order by endpoint_id, sequence`;
  const inOrder = fanOutIds.every((id) => {
    const expected = rows.filter((row) => row.endpoint_id === id).map((row) => row.event_id);
    const received = receiver.state.successOrder.get(`/${id}`) ?? [];
    return expected.length === FAN_OUT_EVENTS && JSON.stringify(expected) === JSON.stringify(received);
  });
  const [{ attempts }] = await sql`select count(*)::int as attempts from webhook_delivery_attempts`;
  return {
    endpoints: FAN_OUT_ENDPOINTS,
    events: FAN_OUT_ENDPOINTS * FAN_OUT_EVENTS,
    events_per_second: Math.round((receiver.state.succeeded.size / seconds) * 10) / 10,
    drain_seconds: Math.round(seconds * 10) / 10,
    still_open: open,
    order_kept_per_endpoint: inOrder,
    attempts_logged: attempts,
    every_attempt_logged: attempts === receiver.state.hits.length,
  };
}

export async function benchOutbound({ pg, events = 150 }) {
  console.log(`\n[2] Outbound delivery — ${events} events to one endpoint through the embedded executor (PostgreSQL)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-bench-"));
  const receiverPort = await freePort();
  const receiverUrl = `http://127.0.0.1:${receiverPort}/hook`;
  const receiver = await startReceiver(receiverPort);
  mkdirSync(path.join(dir, "secrets"));
  writeFileSync(path.join(dir, "secrets", "bench_secret"), SECRET);
  writeFileSync(
    path.join(dir, "webhooks.yaml"),
    `endpoints:\n${["bench", ...fanOutIds]
      .map(
        (id) =>
          `  - id: ${id}\n    url: ${id === "bench" ? receiverUrl : `http://127.0.0.1:${receiverPort}/${id}`}\n    secret: bench_secret\n    events: ["webhook.test"]\n    enabled: true\n`,
      )
      .join("")}`,
  );
  const databaseUrl = await pg.createDatabase("outbound");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const app = await startApp({
    DATA_DIR: path.join(dir, "data"),
    DATABASE_URL: databaseUrl,
    ADMIN_API_TOKEN: TOKEN,
    WEBHOOKS_CONFIG_PATH: path.join(dir, "webhooks.yaml"),
    WEBHOOK_SECRETS_DIR: path.join(dir, "secrets"),
    ALLOW_INSECURE_WEBHOOK_URLS: "true",
    WEBHOOK_RETRY_BASE_DELAY_SECONDS: "0.05",
    LOG_LEVEL: "warn",
  });
  const results = { events, endpoint: "1 endpoint (deliveries in order)", driver: "embedded executor, PostgreSQL" };
  try {
    for (const [label, failRate] of [
      ["all_2xx", 0],
      ["fail_30_percent", 0.3],
    ]) {
      resetReceiver(receiver, failRate);
      await sql`truncate webhook_delivery_attempts, webhook_deliveries, outbound_events cascade`;
      await sql`update webhook_endpoint_state set consecutive_failures = 0, paused_at = null, paused_reason = null`;
      const started = Date.now();
      // Emitted by 4 concurrent clients, as fast as the API takes them.
      const ids = await emitTests(
        app,
        Array.from({ length: events }, () => "bench"),
      );
      const emitSeconds = (Date.now() - started) / 1000;
      const open = await untilDelivered(sql);
      const [{ attempts, failed, succeeded }] = await sql`
        select (select count(*)::int from webhook_delivery_attempts) as attempts,
               count(*) filter (where status = 'failed')::int as failed,
               count(*) filter (where status = 'succeeded')::int as succeeded
        from webhook_deliveries`;
      const lastSuccess = Math.max(...receiver.state.succeeded.values());
      const seconds = (lastSuccess - started) / 1000;
      const firsts = ids.map((id) => receiver.state.firstAttempt.get(id)).filter((ms) => ms !== undefined);
      // Counted before the fetch loop, whose own events the receiver also records.
      const delivered = receiver.state.succeeded.size;
      const firstHit = Math.min(...receiver.state.hits.map((hit) => hit.at));
      const loop = await fetchLoop(receiverUrl, events);
      const result = {
        events_per_second: Math.round((delivered / seconds) * 10) / 10,
        emit_seconds: Math.round(emitSeconds * 10) / 10,
        drain_seconds: Math.round(seconds * 10) / 10,
        burst_emit_to_first_attempt_p50_ms: percentile(firsts, 50),
        burst_emit_to_first_attempt_p99_ms: percentile(firsts, 99),
        succeeded,
        gave_up: failed,
        still_open: open,
        receiver_requests: receiver.state.hits.length - loop.attempts,
        attempts_logged: attempts,
        every_attempt_logged: attempts === receiver.state.hits.length - loop.attempts,
        fetch_loop_events_per_second: loop.events_per_second,
      };
      result.ratio_vs_fetch_loop = ratio(result.events_per_second, loop.events_per_second);
      // Delivery alone, without the admin API's emit rate: first attempt to last 2xx.
      result.delivery_events_per_second = Math.round((delivered / ((lastSuccess - firstHit) / 1000)) * 10) / 10;
      result.delivery_ratio_vs_fetch_loop = ratio(result.delivery_events_per_second, loop.events_per_second);
      // Latency without a queue: 30 events, each emitted once the previous one was answered 2xx.
      const single = [];
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`${app.url}/api/v1/admin/webhooks/endpoints/bench/test`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        const { event_id: id } = await response.json();
        const until = Date.now() + 30_000;
        while (!receiver.state.succeeded.has(id) && Date.now() < until) await sleep(2);
        if (receiver.state.firstAttempt.has(id)) single.push(receiver.state.firstAttempt.get(id));
      }
      result.unqueued_emit_to_first_attempt_p50_ms = percentile(single, 50);
      result.unqueued_emit_to_first_attempt_p99_ms = percentile(single, 99);
      results[label] = result;
      console.log(
        `  ${label}: ${result.events_per_second} events/s (fetch loop ${loop.events_per_second}/s, ${result.ratio_vs_fetch_loop}×), emit→first attempt p50/p99 ${result.unqueued_emit_to_first_attempt_p50_ms}/${result.unqueued_emit_to_first_attempt_p99_ms} ms one at a time, ${result.burst_emit_to_first_attempt_p50_ms}/${result.burst_emit_to_first_attempt_p99_ms} ms in the burst, ${result.attempts_logged}/${result.receiver_requests} attempts logged, ${failed} gave up`,
      );
    }
    results.fan_out = await fanOut(app, sql, receiver);
    results.fan_out.ratio_vs_one_endpoint = ratio(results.fan_out.events_per_second, results.all_2xx.events_per_second);
    console.log(
      `  fan-out: ${results.fan_out.events_per_second} events/s to ${FAN_OUT_ENDPOINTS} endpoints (${results.fan_out.ratio_vs_one_endpoint}× one endpoint), order kept per endpoint: ${results.fan_out.order_kept_per_endpoint}, ${results.fan_out.attempts_logged} attempts logged`,
    );
    return results;
  } finally {
    await app.kill();
    await receiver.close();
    await sql.end({ timeout: 2 });
    rmSync(dir, { recursive: true, force: true });
  }
}
