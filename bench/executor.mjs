// 5. Job engine: no-op runs through the embedded executor against graphile-worker's no-op jobs, each on a
// fresh PostgreSQL database of the same server. Both get the same burst the same way: a producer adds
// `runs` jobs in batches of 100 while the engine works them off with 10 at a time; the rate is jobs done
// per second from the first job started to the last one done. The executor runs inside `next start`
// (HOOKSMITH_BENCH=1 serves the no-op function `bench-job` and POST /bench/jobs that sends its events).
import path from "node:path";
import { Logger, makeWorkerUtils, run as runGraphileWorker } from "graphile-worker";
import postgres from "postgres";

import { ratio, sleep, startApp } from "./lib.mjs";

/** Jobs worked at once by graphile-worker; the executor's is its own setting (RUNS_PER_TICK). */
const CONCURRENCY = 10;
const BATCH = 100;
/** graphile-worker logs each job at info: quiet, as the app's server runs at LOG_LEVEL=warn. */
const quiet = new Logger(() => () => {});

async function graphileWorker(connectionString, runs) {
  const utils = await makeWorkerUtils({ connectionString, logger: quiet });
  await utils.migrate();
  let done = 0;
  let firstStart = 0;
  let lastEnd = 0;
  const runner = await runGraphileWorker({
    connectionString,
    concurrency: CONCURRENCY,
    maxPoolSize: CONCURRENCY + 2,
    noHandleSignals: true,
    pollInterval: 250,
    logger: quiet,
    taskList: {
      noop: async () => {
        firstStart ||= performance.now();
      },
    },
  });
  runner.events.on("job:success", () => {
    done++;
    lastEnd = performance.now();
  });
  for (let added = 0; added < runs; added += BATCH) {
    await utils.addJobs(Array.from({ length: Math.min(BATCH, runs - added) }, () => ({ identifier: "noop", payload: {} })));
  }
  const deadline = Date.now() + 180_000;
  while (done < runs && Date.now() < deadline) await sleep(20);
  await runner.stop();
  await utils.release();
  return { jobs: done, jobs_per_second: Math.round(done / ((lastEnd - firstStart) / 1000)) };
}

async function embeddedExecutor(app, sql, runs, steps) {
  const [{ before }] = await sql`select count(*)::int as before from job_runs where function_id = 'hooksmith-bench-job'`;
  const sent = await fetch(`${app.url}/bench/jobs`, { method: "POST", body: JSON.stringify({ count: runs, steps }) });
  if (!sent.ok) throw new Error(`/bench/jobs: ${sent.status} ${await sent.text()}`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const [{ open }] = await sql`select count(*)::int as open from job_runs
      where function_id = 'hooksmith-bench-job' and status not in ('completed', 'failed', 'cancelled')`;
    if (open === 0 || Date.now() > deadline) break;
    await sleep(100);
  }
  const [row] = await sql`
    select count(*) filter (where status = 'completed')::int as completed,
           count(*) filter (where status <> 'completed')::int as not_completed,
           extract(epoch from max(ended_at) - min(started_at))::float8 as seconds
    from (select * from job_runs where function_id = 'hooksmith-bench-job' order by created_at offset ${before}) as measured`;
  return {
    runs: row.completed,
    not_completed: row.not_completed,
    runs_per_second: Math.round(row.completed / row.seconds),
    steps_per_second: Math.round((row.completed * steps) / row.seconds),
  };
}

export async function benchExecutor({ pg, runs = 1000 }) {
  console.log(`\n[5] Job engine — ${runs} no-op runs: embedded executor vs graphile-worker (PostgreSQL, ${CONCURRENCY} at once)`);
  const baselineUrl = await pg.createDatabase("graphile");
  const graphile = await graphileWorker(baselineUrl, runs);
  const databaseUrl = await pg.createDatabase("executor");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const app = await startApp({
    DATA_DIR: path.join("/tmp", `hooksmith-bench-executor-${process.pid}`),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
  });
  try {
    await embeddedExecutor(app, sql, 100, 1); // warm-up: compiles the routes and fills the pool
    const oneStep = await embeddedExecutor(app, sql, runs, 1);
    const tenSteps = await embeddedExecutor(app, sql, Math.round(runs / 5), 10);
    const results = {
      runs,
      concurrency: CONCURRENCY,
      graphile_worker_jobs_per_second: graphile.jobs_per_second,
      one_step: oneStep,
      ten_steps: tenSteps,
      ratio_vs_graphile_worker: ratio(oneStep.runs_per_second, graphile.jobs_per_second),
    };
    console.log(
      `  one-step runs/s ${oneStep.runs_per_second} vs graphile-worker ${graphile.jobs_per_second} jobs/s (${results.ratio_vs_graphile_worker}×); 10-step runs/s ${tenSteps.runs_per_second} (${tenSteps.steps_per_second} steps/s)`,
    );
    return results;
  } finally {
    await app.kill();
    await sql.end({ timeout: 2 });
  }
}
