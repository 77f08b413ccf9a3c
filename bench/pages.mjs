// 4. Page times with large tables: the data APIs behind /deliveries and /webhooks — GET
// /api/v1/admin/webhooks/deliveries and GET /webhooks/github/events — first page and a deep page (a
// cursor at ~90 % of the table, then 5 next_cursor pages on from there), with `rows` rows seeded by SQL
// into webhook_events and outbound_events + webhook_deliveries (+ one attempt each) on PostgreSQL.
// Times are measured at the client over loopback (they include HTTP, auth and JSON); the server's own
// duration_ms from its request log is reported next to them. Baseline: the same server's /api/health.
// Deep-page plans are EXPLAINed so a miss comes with its reason.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

import { loggedDurations, percentile, ratio, startApp, BENCH_ADMIN_TOKEN as TOKEN } from "./lib.mjs";

const REPEAT = 15;

async function seed(sql, rows) {
  const started = Date.now();
  await sql.unsafe(`
    insert into webhook_events (source, webhook_id, event_type, action, repository, installation_id, payload, received_at, processed_at, status)
    select 'github', 'bench-' || g, (array['push','pull_request','issues','workflow_run'])[1 + g % 4], 'opened',
           'demo-org/repo-' || (g % 50), 1, '{"zen":"Keep it logically awesome."}'::jsonb,
           now() - make_interval(secs => g * 0.5), now() - make_interval(secs => g * 0.5),
           (array['processed','ignored','processed','failed'])[1 + g % 4]::webhook_event_status
    from generate_series(1, ${rows}) g`);
  await sql.unsafe(`
    insert into outbound_events (id, type, timestamp, data)
    select 'evt_bench_' || g, 'feature.created', now() - make_interval(secs => g * 0.5), '{"feature_id":"bench"}'::jsonb
    from generate_series(1, ${rows}) g`);
  await sql.unsafe(`
    insert into webhook_deliveries (event_id, event_type, endpoint_id, endpoint_url, sequence, status, attempt_count, next_attempt_at, http_status, latency_ms, created_at, completed_at)
    select 'evt_bench_' || g, 'feature.created', 'bench-' || (g % 3), 'https://example.com/hook', g, 'succeeded', 1,
           now() - make_interval(secs => g * 0.5), 200, 12, now() - make_interval(secs => g * 0.5), now() - make_interval(secs => g * 0.5)
    from generate_series(1, ${rows}) g`);
  await sql.unsafe(`
    insert into webhook_delivery_attempts (delivery_id, attempt, outcome, http_status, latency_ms, started_at)
    select id, 1, 'succeeded', 200, 12, created_at from webhook_deliveries`);
  await sql.unsafe(`analyze`);
  return Math.round((Date.now() - started) / 1000);
}

const cursorOf = (row) => Buffer.from(JSON.stringify({ at: new Date(row.at).toISOString(), id: row.id })).toString("base64url");

async function time(app, route) {
  const client = [];
  let body;
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    const response = await fetch(`${app.url}${route}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    body = await response.json();
    client.push(performance.now() - started);
    if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(body)}`);
  }
  return { p50_ms: Math.round(percentile(client, 50) * 10) / 10, p95_ms: Math.round(percentile(client, 95) * 10) / 10, body };
}

/** The server's own time for `pathname` (its request log) since `offset` of its output. */
function serverDurations(app, offset, pathname) {
  const durations = loggedDurations(app, offset, pathname);
  return { server_p50_ms: percentile(durations, 50), server_p95_ms: percentile(durations, 95) };
}

export async function benchPages({ pg, rows }) {
  console.log(`\n[4] Page times — ${rows.toLocaleString("en")} rows each in webhook_events and webhook_deliveries (PostgreSQL)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hooksmith-bench-"));
  const databaseUrl = await pg.createDatabase("pages");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ADMIN_API_TOKEN: TOKEN };
  try {
    // Migrate with the app, seed while it is stopped, measure with a fresh one.
    await (await startApp(env)).kill();
    const seedSeconds = await seed(sql, rows);
    console.log(`  seeded in ${seedSeconds}s`);
    const app = await startApp(env);
    const results = { rows, seed_seconds: seedSeconds, repeat: REPEAT };
    try {
      const deep = Math.floor(rows * 0.9);
      const [event] = await sql`select received_at as at, id from webhook_events order by received_at desc, id desc offset ${deep} limit 1`;
      const [delivery] =
        await sql`select created_at as at, id from webhook_deliveries order by created_at desc, id desc offset ${deep} limit 1`;
      const health = await time(app, "/api/health");
      results.baseline_health = { p50_ms: health.p50_ms, p95_ms: health.p95_ms };
      for (const [name, route, pathname, cursorRow] of [
        ["events", "/webhooks/github/events?limit=50", "/webhooks/github/events", event],
        ["deliveries", "/api/v1/admin/webhooks/deliveries?limit=50", "/api/v1/admin/webhooks/deliveries", delivery],
      ]) {
        let offset = app.output().length;
        const first = await time(app, route);
        const firstServer = serverDurations(app, offset, pathname);
        offset = app.output().length;
        const deepPage = await time(app, `${route}&cursor=${cursorOf(cursorRow)}`);
        const deepServer = serverDurations(app, offset, pathname);
        // Follow next_cursor from the deep page.
        const follow = [];
        let cursor = deepPage.body.next_cursor;
        for (let i = 0; i < 5 && cursor; i++) {
          const started = performance.now();
          const body = await fetch(`${app.url}${route}&cursor=${cursor}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) =>
            r.json(),
          );
          follow.push(performance.now() - started);
          cursor = body.next_cursor;
        }
        results[name] = {
          first_page: { p50_ms: first.p50_ms, p95_ms: first.p95_ms, ...firstServer, rows: first.body.data.length },
          deep_page: { position: deep, p50_ms: deepPage.p50_ms, p95_ms: deepPage.p95_ms, ...deepServer, rows: deepPage.body.data.length },
          following_pages_p50_ms: Math.round(percentile(follow, 50) * 10) / 10,
          ratio_first_vs_health: ratio(first.p50_ms, health.p50_ms),
        };
        console.log(
          `  ${name}: first page p50 ${first.p50_ms} ms (server ${firstServer.server_p50_ms} ms), deep page p50 ${deepPage.p50_ms} ms (server ${deepServer.server_p50_ms} ms), following ${results[name].following_pages_p50_ms} ms`,
        );
      }
      // The plans of the deep-page queries, as the app issues them.
      const explain = async (query, params) =>
        (await sql.unsafe(`explain (analyze, buffers) ${query}`, params)).map((row) => row["QUERY PLAN"]);
      results.explain = {
        events_deep: await explain(
          `select id, received_at from webhook_events where (received_at < $1 or (received_at = $1 and id < $2)) order by received_at desc, id desc limit 51`,
          [event.at, event.id],
        ),
        deliveries_deep: await explain(
          `select * from webhook_deliveries where (created_at < $1 or (created_at = $1 and id < $2)) order by created_at desc, id desc limit 51`,
          [delivery.at, delivery.id],
        ),
      };
    } finally {
      await app.kill();
    }
    return results;
  } finally {
    await sql.end({ timeout: 2 });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
