// The results as rows: what, measured, baseline, ratio, target, met — printed by `npm run bench`;
// `node bench/table.mjs` prints bench/results.json's as the Markdown table in the README's Performance section.
import { readFileSync } from "node:fs";
import path from "node:path";

const COLUMNS = ["what", "value", "baseline", "ratio", "target", "met"];

function resultRows(r) {
  const rows = [];
  const add = (what, value, baseline, ratio, target, met) =>
    rows.push({ what, value, baseline, ratio: ratio ?? "", target, met: met === undefined ? "" : met ? "yes" : "NO" });
  const ing = r.ingestion;
  if (ing) {
    for (const driver of ["pglite", "postgres"]) {
      const d = ing[driver];
      if (!d) continue;
      const w = d.webhook;
      add(
        `Ingest ${driver}: req/s`,
        `${w.requests_per_second}`,
        `Probot ${ing.probot.requests_per_second}`,
        `${d.ratio_vs_probot}×`,
        "≥ 1.0× Probot",
        d.ratio_vs_probot >= 1,
      );
      add(
        `Ingest ${driver}: req/s vs bare route`,
        `${w.requests_per_second}`,
        `bare route ${d.bare_route.requests_per_second}`,
        `${d.ratio_vs_bare_route}×`,
        "≥ 0.7×",
        d.ratio_vs_bare_route >= 0.7,
      );
      add(
        `Ingest ${driver}: req/s vs plain Node`,
        `${w.requests_per_second}`,
        `plain ${ing.plain_node.requests_per_second}`,
        `${d.ratio_vs_plain_node}×`,
        "",
        undefined,
      );
      add(
        `Ingest ${driver}: p50 / p99 ms`,
        `${w.p50_ms} / ${w.p99_ms}`,
        `Probot ${ing.probot.p50_ms} / ${ing.probot.p99_ms}`,
        "",
        "p99 < 25 ms",
        w.p99_ms < 25,
      );
      if (w.handler_p50_ms != null)
        add(`Ingest ${driver}: handler time p50 / p99 ms`, `${w.handler_p50_ms} / ${w.handler_p99_ms}`, "", "", "", undefined);
      const e = d.end_to_end;
      if (e) {
        add(
          `Ingest ${driver}: processed/s over load + drain`,
          `${e.processed_per_second}`,
          `ack ${w.requests_per_second}`,
          `${e.ratio_vs_ack}×`,
          "≥ 0.5× the ack rate",
          e.ratio_vs_ack >= 0.5,
        );
        add(
          `Ingest ${driver}: backlog drained after ${e.load_seconds} s of load (${e.accepted} accepted)`,
          e.drained
            ? `in ${e.drain_seconds} s`
            : `${e.left_received} left at ${e.drain_seconds} s (≈ ${e.projected_drain_seconds ?? "?"} s)`,
          `load ${e.load_seconds} s`,
          `${e.ratio_drain_vs_load}×`,
          "≤ 2× the load time",
          e.drained,
        );
      }
    }
    if (ing.pglite_vs_postgres != null)
      add(
        "Ingest pglite vs postgres: req/s",
        `${ing.pglite.webhook.requests_per_second}`,
        `postgres ${ing.postgres.webhook.requests_per_second}`,
        `${ing.pglite_vs_postgres}×`,
        "≥ 0.5×",
        ing.pglite_vs_postgres >= 0.5,
      );
  }
  const out = r.outbound;
  if (out) {
    for (const label of ["all_2xx", "fail_30_percent"]) {
      const o = out[label];
      if (!o) continue;
      add(
        `Outbound ${label}: events/s`,
        `${o.events_per_second}`,
        `fetch loop ${o.fetch_loop_events_per_second}`,
        `${o.ratio_vs_fetch_loop}×`,
        "≥ 0.5×, every attempt logged",
        o.ratio_vs_fetch_loop >= 0.5 && o.every_attempt_logged,
      );
      add(
        `Outbound ${label}: emit→1st attempt p50 / p99 ms (one at a time)`,
        `${o.unqueued_emit_to_first_attempt_p50_ms} / ${o.unqueued_emit_to_first_attempt_p99_ms}`,
        "",
        "",
        "p99 < 200 ms",
        o.unqueued_emit_to_first_attempt_p99_ms < 200,
      );
      add(
        `Outbound ${label}: emit→1st attempt p50 / p99 ms (${out.events}-event burst, queued in order)`,
        `${o.burst_emit_to_first_attempt_p50_ms} / ${o.burst_emit_to_first_attempt_p99_ms}`,
        "",
        "",
        "",
        undefined,
      );
      add(
        `Outbound ${label}: attempts logged / sent`,
        `${o.attempts_logged} / ${o.receiver_requests}`,
        "",
        "",
        "all",
        o.every_attempt_logged,
      );
    }
    const fan = out.fan_out;
    if (fan)
      add(
        `Outbound fan-out, ${fan.endpoints} endpoints × ${fan.events / fan.endpoints} events: events/s`,
        `${fan.events_per_second} (order kept: ${fan.order_kept_per_endpoint ? "yes" : "NO"})`,
        `one endpoint ${out.all_2xx?.events_per_second}`,
        `${fan.ratio_vs_one_endpoint}×`,
        "≥ 5×, order per endpoint",
        fan.ratio_vs_one_endpoint >= 5 && fan.order_kept_per_endpoint && fan.every_attempt_logged,
      );
  }
  const ex = r.executor;
  if (ex) {
    add(
      "Job engine: one-step no-op runs/s",
      `${ex.one_step.runs_per_second}`,
      `graphile-worker ${ex.graphile_worker_jobs_per_second}`,
      `${ex.ratio_vs_graphile_worker}×`,
      "≥ 0.5×",
      ex.ratio_vs_graphile_worker >= 0.5,
    );
    add(
      "Job engine: 10-step no-op runs/s (steps/s)",
      `${ex.ten_steps.runs_per_second} (${ex.ten_steps.steps_per_second})`,
      "",
      "",
      "",
      undefined,
    );
  }
  const poll = r.polling;
  if (poll)
    add(
      "Polling: counted API calls / 15-min analysis",
      `${poll.counted_polling_calls} (+${poll.counted_calls_total - poll.counted_polling_calls} dispatch/auth)`,
      `naive ${poll.naive_calls}`,
      `${poll.ratio_vs_naive}×`,
      "≤ 4",
      poll.counted_polling_calls <= 4,
    );
  const pages = r.pages;
  if (pages) {
    for (const name of ["events", "deliveries"]) {
      const p = pages[name];
      if (!p) continue;
      add(
        `Page ${name} (${pages.rows.toLocaleString("en")} rows): first page ms`,
        `${p.first_page.p50_ms} (server ${p.first_page.server_p50_ms})`,
        `/api/health ${pages.baseline_health.p50_ms}`,
        `${p.ratio_first_vs_health}×`,
        "< 50 ms",
        p.first_page.p50_ms < 50,
      );
      add(
        `Page ${name}: deep page ms (row ${p.deep_page.position.toLocaleString("en")})`,
        `${p.deep_page.p50_ms} (server ${p.deep_page.server_p50_ms})`,
        "",
        "",
        "< 50 ms",
        p.deep_page.p50_ms < 50,
      );
    }
  }
  const mem = r.memory;
  if (mem) {
    // Targets are for the whole process tree: demo mode on PGlite, a production server on PostgreSQL.
    const trees = { pglite: 400, postgres: undefined };
    for (const driver of ["pglite", "postgres"]) {
      const m = mem[driver];
      if (m)
        add(
          `RSS ${driver}, demo mode: idle / under load MB, process tree (next-server)`,
          `${m.idle_tree_rss_mb ?? "?"} / ${m.load_tree_rss_mb ?? "?"} (${m.idle_rss_mb} / ${m.load_rss_mb})`,
          "",
          "",
          trees[driver] ? `idle tree < ${trees[driver]} MB` : "",
          trees[driver] && m.idle_tree_rss_mb != null ? m.idle_tree_rss_mb < trees[driver] : undefined,
        );
    }
    const prod = mem.postgres_without_simulator;
    if (prod?.idle_rss_mb)
      add(
        "RSS postgres, App configured (production): idle MB, process tree (next-server)",
        `${prod.idle_tree_rss_mb ?? "?"} (${prod.idle_rss_mb})`,
        "",
        "",
        "idle tree < 250 MB",
        prod.idle_tree_rss_mb != null && prod.idle_tree_rss_mb < 250,
      );
  }
  return rows;
}

export function printTable(results) {
  const rows = resultRows(results);
  const width = Object.fromEntries(COLUMNS.map((c) => [c, Math.max(c.length, ...rows.map((row) => String(row[c]).length))]));
  const line = (row) => COLUMNS.map((c) => String(row[c]).padEnd(width[c])).join("  ");
  console.log(`\n${line(Object.fromEntries(COLUMNS.map((c) => [c, c])))}`);
  console.log(COLUMNS.map((c) => "-".repeat(width[c])).join("  "));
  for (const row of rows) console.log(line(row));
}

/** The rows as a Markdown table. */
export function markdownTable(results) {
  const cells = (values) => `| ${values.join(" | ")} |`;
  return [cells(COLUMNS), cells(COLUMNS.map(() => "---")), ...resultRows(results).map((row) => cells(COLUMNS.map((c) => row[c])))].join(
    "\n",
  );
}

if (process.argv[1] === import.meta.filename) {
  console.log(markdownTable(JSON.parse(readFileSync(path.join(import.meta.dirname, "results.json"), "utf8"))));
}
