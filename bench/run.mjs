// `npm run bench`: builds if needed, then measures inbound ingestion, outbound delivery, polling cost, page
// times on large tables and memory — each as numbers and as a ratio against a baseline measured in the
// same run — prints a table and writes bench/results.json (and the chart public/screenshots/bench.png).
// A partial run (BENCH_ONLY) replaces only its own sections of results.json; `runs` and `machine_by_run`
// say when and under what load each section was measured.
//
// Environment: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test: databases are created and
// dropped next to it), BENCH_SECONDS (10 per measured ingestion run), BENCH_ROWS (1000000 for the page
// times), BENCH_ONLY (comma list: ingestion,polling,outbound,pages,executor; the sections not run keep
// their last results in results.json).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

import { buildIfNeeded } from "../scripts/build-if-needed.mjs";
import { renderChart } from "./chart.mjs";
import { benchExecutor } from "./executor.mjs";
import { benchIngestion } from "./ingestion.mjs";
import { killAll, ROOT } from "./lib.mjs";
import { benchOutbound } from "./outbound.mjs";
import { benchPages } from "./pages.mjs";
import { benchPolling } from "./polling.mjs";
import { printTable } from "./table.mjs";

const PG_URL = process.env.BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const ROWS = Number(process.env.BENCH_ROWS || 1_000_000);
const SECTIONS = ["ingestion", "polling", "outbound", "pages", "executor"];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : SECTIONS;

const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
const created = [];
const pg = {
  url: PG_URL,
  async createDatabase(purpose) {
    const name = `hooksmith_bench_${purpose}_${process.pid}_${created.length}`;
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    created.push(name);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return url.toString();
  },
};

const RESULTS = path.join(ROOT, "bench", "results.json");

/** The sections this run measured, written over the last results: the others stay as they were measured. */
function mergeResults(measured) {
  const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, "utf8")) : {};
  const keys = SECTIONS.filter((section) => section in measured).map((section) =>
    section === "ingestion" ? "ingestion, memory" : section,
  );
  const runs = Object.fromEntries(Object.entries(previous.runs ?? {}).filter(([key]) => !keys.includes(key)));
  const machines = Object.fromEntries(Object.entries(previous.machine_by_run ?? {}).filter(([key]) => key in runs));
  for (const key of keys) {
    runs[key] = measured.started_at;
    machines[key] = measured.machine;
  }
  return { ...previous, ...measured, runs, machine_by_run: machines };
}

async function main() {
  buildIfNeeded();
  const started = Date.now();
  const results = {
    started_at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadavg: os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" "),
    },
  };
  if (ONLY.includes("ingestion")) Object.assign(results, await benchIngestion({ pg, seconds: SECONDS, warmup: 3 }));
  if (ONLY.includes("polling")) results.polling = await benchPolling();
  if (ONLY.includes("outbound")) results.outbound = await benchOutbound({ pg });
  if (ONLY.includes("pages")) results.pages = await benchPages({ pg, rows: ROWS });
  if (ONLY.includes("executor")) results.executor = await benchExecutor({ pg });
  results.duration_seconds = Math.round((Date.now() - started) / 1000);
  const merged = mergeResults(results);
  writeFileSync(RESULTS, `${JSON.stringify(merged, null, 2)}\n`);
  printTable(merged);
  await renderChart(merged, path.join(ROOT, "public", "screenshots", "bench.png")).catch((error) =>
    console.warn(`chart not rendered: ${error.message}`),
  );
  console.log(`\nbench/results.json written (${results.duration_seconds}s)`);
}

try {
  await main();
} finally {
  killAll();
  for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end({ timeout: 2 });
}
