// Renders bench/results.json as a PNG (public/screenshots/bench.png): horizontal bar panels in SVG,
// screenshotted with the Debian chromium through playwright-core.
import { existsSync } from "node:fs";

const esc = (text) => String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function panel(title, unit, bars, target) {
  const width = 560;
  const labelWidth = 210;
  const barHeight = 22;
  const max = Math.max(...bars.map((bar) => bar.value ?? 0), target?.value ?? 0) * 1.1 || 1;
  const scale = (value) => ((width - labelWidth - 70) * value) / max;
  const height = 40 + bars.length * (barHeight + 8) + 10;
  const rows = bars
    .map((bar, i) => {
      const y = 34 + i * (barHeight + 8);
      return `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="label">${esc(bar.label)}</text>
        <rect x="${labelWidth}" y="${y}" width="${Math.max(1, scale(bar.value ?? 0))}" height="${barHeight}" rx="3" fill="${bar.baseline ? "#94a3b8" : "#2563eb"}"/>
        <text x="${labelWidth + scale(bar.value ?? 0) + 6}" y="${y + 15}" class="value">${esc(bar.text ?? bar.value ?? "n/a")}</text>`;
    })
    .join("");
  const line = target
    ? `<line x1="${labelWidth + scale(target.value)}" x2="${labelWidth + scale(target.value)}" y1="28" y2="${height - 6}" stroke="#dc2626" stroke-dasharray="4 3"/>
       <text x="${labelWidth + scale(target.value) + 4}" y="${height - 8}" class="target">${esc(target.label)}</text>`
    : "";
  return `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><text x="8" y="18" class="title">${esc(title)} <tspan class="unit">${esc(unit)}</tspan></text>${rows}${line}</svg>`;
}

function chartHtml(r) {
  const panels = [];
  const ing = r.ingestion;
  if (ing) {
    panels.push(
      panel("Inbound: POST /webhooks/github, ~10 KB push, c=32", "req/s (p99 ms)", [
        {
          label: "Hooksmith, PGlite",
          value: ing.pglite?.webhook.requests_per_second,
          text: `${ing.pglite?.webhook.requests_per_second} (p99 ${ing.pglite?.webhook.p99_ms})`,
        },
        {
          label: "Hooksmith, PostgreSQL",
          value: ing.postgres?.webhook.requests_per_second,
          text: `${ing.postgres?.webhook.requests_per_second} (p99 ${ing.postgres?.webhook.p99_ms})`,
        },
        {
          label: "bare Next route, same server",
          value: ing.postgres?.bare_route.requests_per_second,
          baseline: true,
          text: `${ing.postgres?.bare_route.requests_per_second} (p99 ${ing.postgres?.bare_route.p99_ms})`,
        },
        {
          label: "Probot + postgres.js",
          value: ing.probot?.requests_per_second,
          baseline: true,
          text: `${ing.probot?.requests_per_second} (p99 ${ing.probot?.p99_ms})`,
        },
        {
          label: "plain Node + postgres.js",
          value: ing.plain_node?.requests_per_second,
          baseline: true,
          text: `${ing.plain_node?.requests_per_second} (p99 ${ing.plain_node?.p99_ms})`,
        },
      ]),
    );
  }
  const out = r.outbound;
  if (out) {
    panels.push(
      panel("Outbound: emit → 2xx, one endpoint, in order", "events/s", [
        { label: "embedded executor, all 2xx", value: out.all_2xx?.events_per_second },
        { label: "embedded executor, 30 % fail", value: out.fail_30_percent?.events_per_second },
        { label: "fan-out, 20 endpoints", value: out.fan_out?.events_per_second },
        { label: "direct fetch loop", value: out.all_2xx?.fetch_loop_events_per_second, baseline: true },
        { label: "direct fetch loop, 30 % fail", value: out.fail_30_percent?.fetch_loop_events_per_second, baseline: true },
      ]),
    );
  }
  if (r.executor) {
    const e = r.executor;
    panels.push(
      panel("Job engine: no-op jobs, same PostgreSQL, 10 at once", "jobs/s", [
        { label: "embedded executor, 1 step", value: e.one_step?.runs_per_second },
        {
          label: "embedded executor, 10 steps",
          value: e.ten_steps?.runs_per_second,
          text: `${e.ten_steps?.runs_per_second} (${e.ten_steps?.steps_per_second} steps/s)`,
        },
        { label: "graphile-worker", value: e.graphile_worker_jobs_per_second, baseline: true },
      ]),
    );
  }
  if (r.polling) {
    panels.push(
      panel(
        "Polling: rate-limited API calls per 15-min analysis",
        "calls",
        [
          { label: "Hooksmith (ETag, 304s free)", value: r.polling.counted_polling_calls },
          { label: "naive: status every 30 s", value: r.polling.naive_calls, baseline: true },
        ],
        { value: 4, label: "target 4" },
      ),
    );
  }
  if (r.pages) {
    const p = r.pages;
    panels.push(
      panel(
        `Pages: ${p.rows.toLocaleString("en")} rows, PostgreSQL`,
        "ms (p50, client)",
        [
          { label: "events, first page", value: p.events?.first_page.p50_ms },
          { label: "events, deep page", value: p.events?.deep_page.p50_ms },
          { label: "deliveries, first page", value: p.deliveries?.first_page.p50_ms },
          { label: "deliveries, deep page", value: p.deliveries?.deep_page.p50_ms },
          { label: "/api/health", value: p.baseline_health?.p50_ms, baseline: true },
        ],
        { value: 50, label: "50 ms" },
      ),
    );
  }
  if (r.memory) {
    const m = r.memory;
    panels.push(
      panel(
        "Memory: process tree RSS",
        "MB (targets: PGlite demo 400, production 250)",
        [
          { label: "PGlite demo, idle", value: m.pglite?.idle_tree_rss_mb },
          { label: "PGlite demo, under load", value: m.pglite?.load_tree_rss_mb },
          { label: "PostgreSQL demo, idle", value: m.postgres?.idle_tree_rss_mb },
          { label: "PostgreSQL demo, under load", value: m.postgres?.load_tree_rss_mb },
          { label: "PostgreSQL production, idle", value: m.postgres_without_simulator?.idle_tree_rss_mb },
        ],
        { value: 250, label: "250 MB" },
      ),
    );
  }
  // Results merged from partial runs (BENCH_ONLY) list each run's time in `runs`.
  // Sections measured by one run share its start time.
  const runs = [...new Set(Object.values(r.runs ?? {}))];
  const when =
    runs.length > 1 ? `${runs.length} runs (${Object.keys(r.runs).join("; ")}), times in bench/results.json` : (runs[0] ?? r.started_at);
  const load = runs.length > 1 ? "load average per run in bench/results.json" : `load average at start ${r.machine?.loadavg ?? ""}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; background: #fff; width: 1160px; }
    h1 { font-size: 18px; margin: 0 0 4px; } p { margin: 0 0 12px; color: #475569; font-size: 12px; }
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
    svg { border: 1px solid #e2e8f0; border-radius: 6px; }
    .title { font-size: 13px; font-weight: 600; fill: #0f172a; } .unit { font-weight: 400; fill: #64748b; }
    .label { font-size: 12px; fill: #334155; } .value { font-size: 11px; fill: #0f172a; } .target { font-size: 11px; fill: #dc2626; }
  </style></head><body><h1>Hooksmith — npm run bench</h1>
  <p>${esc(when)} · ${r.machine?.cpus} cores · Node ${esc(r.machine?.node)} · ${esc(load)} · blue: Hooksmith, grey: baselines measured in the same run</p>
  <div class="grid">${panels.join("")}</div></body></html>`;
}

export async function renderChart(results, file) {
  const { chromium } = await import("playwright-core");
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage({ viewport: { width: 1192, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(chartHtml(results));
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    await browser.close();
  }
}
