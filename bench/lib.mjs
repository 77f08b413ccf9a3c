// Shared helpers for `npm run bench`: free loopback ports in 4100–4300, app servers as their own process
// groups (as e2e/server-process.ts), RSS of the next-server process, and autocannon runs.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";

export const ROOT = path.resolve(import.meta.dirname, "..");
/** The ADMIN_API_TOKEN the bench's servers are started with, where a run calls the admin API. */
export const BENCH_ADMIN_TOKEN = "hooksmith-bench-admin-token-0123456789abcdef";
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const taken = new Set();
/** A port in 4100–4300 nobody listens on (and that this run has not handed out yet). */
export async function freePort() {
  for (let port = 4100 + Math.floor(Math.random() * 50); port <= 4300; port++) {
    if (taken.has(port)) continue;
    const free = await new Promise((resolve) => {
      const server = net.createServer().once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) {
      taken.add(port);
      return port;
    }
  }
  throw new Error("No free port in 4100–4300");
}

const children = new Set();
/** Kills every process group this run started (also on Ctrl-C / errors). */
export function killAll(signal = "SIGKILL") {
  for (const child of children) {
    try {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => (killAll(), process.exit(130)));
process.on("exit", () => killAll());

/** Spawns a command as its own process group, collecting its output. */
function spawnGroup(command, args, env) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  let output = "";
  const keep = (chunk) => {
    output += chunk;
    if (output.length > 4_000_000) output = output.slice(-2_000_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    child,
    output: () => output,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, signal);
      const timer = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      children.delete(child);
    },
  };
}

async function waitUntil(what, check, proc, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited (${proc.child.exitCode}):\n${proc.output().slice(-4000)}`);
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  await proc.kill("SIGKILL");
  throw new Error(`${what} did not start:\n${proc.output().slice(-4000)}`);
}

/** `next start` on a free port as its own process group, healthy before it returns. */
export async function startApp(env) {
  const port = await freePort();
  const proc = spawnGroup(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    // A demo server unless the bench gives it a GitHub App.
    ...(!env.GITHUB_APP_ID && { HOOKSMITH_DEMO: "true" }),
    GITHUB_SIMULATOR_PORT: "0",
    DATABASE_URL: "",
    HOOKSMITH_BENCH: "1",
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil("next start", () => fetch(`${url}/api/health`).then((r) => r.ok), proc);
  return { ...proc, url, port };
}

/** A baseline server script (node) on a free port, listening before it returns. */
export async function startNodeServer(script, args) {
  const port = await freePort();
  const proc = spawnGroup(process.execPath, [script, String(port), ...args], {});
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    path.basename(script),
    () =>
      new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true))).once("error", () => resolve(false));
      }),
    proc,
  );
  return { ...proc, url, port };
}

/** VmRSS (MB) of the group's next-server process (the largest node process of the group if none is named so). */
export function groupRss(pgid) {
  const procs = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const name = /Name:\s+(.*)/.exec(status)?.[1] ?? "";
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      procs.push({ pid: Number(entry), name, cmdline, rssMb: rssKb / 1024 });
    } catch {
      /* exited meanwhile */
    }
  }
  const server =
    procs.find((p) => /next-server/.test(p.name) || /next-server/.test(p.cmdline)) ?? procs.sort((a, b) => b.rssMb - a.rssMb)[0];
  return { rssMb: server?.rssMb ?? 0, process: server?.name ?? "?", groupMb: procs.reduce((sum, p) => sum + p.rssMb, 0) };
}

/** Samples the group's RSS every 250 ms until stopped; returns the peak. */
export function sampleRss(pgid) {
  let peak = { rssMb: 0, groupMb: 0 };
  const timer = setInterval(() => {
    const now = groupRss(pgid);
    if (now.rssMb > peak.rssMb) peak = now;
  }, 250);
  return () => (clearInterval(timer), peak);
}

/** One autocannon run: POST `body` at fixed concurrency, each request with a fresh X-GitHub-Delivery. */
export function cannon({ url, body, headers, connections, seconds }) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: "POST",
        headers,
        body,
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, "x-github-delivery": randomUUID() } }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/** duration_ms of the server's request log lines for `pathname` in its output since `offset`. */
export function loggedDurations(app, offset, pathname) {
  const durations = [];
  for (const line of app.output().slice(offset).split("\n")) {
    if (!line.includes(`"path":"${pathname}"`)) continue;
    try {
      const entry = JSON.parse(line);
      if (typeof entry.duration_ms === "number") durations.push(entry.duration_ms);
    } catch {
      /* not a log line, or a partial one */
    }
  }
  return durations;
}

export const summary = (result) => ({
  requests_per_second: Math.round(result.requests.average),
  p50_ms: result.latency.p50,
  p99_ms: result.latency.p99,
  requests: result.requests.total,
  non_2xx: result.non2xx,
  errors: result.errors + result.timeouts,
});

export const ratio = (a, b) => (b ? Math.round((a / b) * 100) / 100 : null);

export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
