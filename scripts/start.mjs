// `npm start`: builds if needed, then serves the app with `next start`. With no GitHub credentials it
// chooses demo mode out loud (HOOKSMITH_DEMO=true: the server itself never falls into it) and keeps
// AUTH_SECRET under DATA_DIR, so a fresh clone needs no setup at all.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

import { buildIfNeeded } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
nextEnv.loadEnvConfig(root);
// NEXT_MANUAL_SIG_HANDLE: the app drains on SIGTERM/SIGINT itself (lib/server/graceful-shutdown.ts), Next does not exit first.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "1" };

// The credentials lib/config looks for (GITHUB_WEBHOOK_SECRET alone keeps demo mode: the simulator signs with it).
const GITHUB_CREDENTIALS = [
  "GITHUB_APP_ID",
  "GITHUB_APP_PRIVATE_KEY",
  "GITHUB_APP_PRIVATE_KEY_PATH",
  "GITHUB_CLIENT_ID",
  "GITHUB_CLIENT_SECRET",
];
if (!env.HOOKSMITH_DEMO && GITHUB_CREDENTIALS.every((name) => !env[name])) {
  env.HOOKSMITH_DEMO = "true";
  console.warn(
    [
      "",
      "*** DEMO MODE: no GitHub App is configured, so GitHub is SIMULATED. ***",
      "*** Anyone who can reach this server can sign in as any simulated user. ***",
      "*** To deploy, set the GITHUB_* variables (see .env.example); HOOKSMITH_DEMO=true silences this. ***",
      "",
    ].join("\n"),
  );
}
const demoMode = env.HOOKSMITH_DEMO === "true";

if (!env.AUTH_SECRET && demoMode) {
  const dataDir = path.resolve(root, env.DATA_DIR || ".data");
  const file = path.join(dataDir, "auth-secret");
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
env.AUTH_TRUST_HOST ??= "true";

buildIfNeeded();

const port = env.PORT || "3000";
const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "--port", port], {
  cwd: root,
  env,
  stdio: ["inherit", "pipe", "inherit"],
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Next prints "✓ Ready" once it listens, which may be before the database steps are done (or while
// PostgreSQL is unreachable). That line is held back; "ready" is said when /api/health/ready answers 200.
let buffered = "";
server.stdout.on("data", (chunk) => {
  buffered += chunk;
  const lines = buffered.split("\n");
  buffered = lines.pop() ?? "";
  for (const line of lines) if (!/✓ Ready in/.test(line)) process.stdout.write(`${line}\n`);
});
void announceReady(`http://127.0.0.1:${port}`);

async function announceReady(origin) {
  const started = Date.now();
  let waiting = false;
  for (;;) {
    const status = await fetch(`${origin}/api/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    if (!waiting && Date.now() - started > 10_000) {
      waiting = true;
      console.log(`Not ready yet (/api/health/ready answers ${status || "nothing"}); still waiting…`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(`\nHooksmith is ready: http://localhost:${port} (answered /api/health/ready in ${Date.now() - started} ms)\n`);
}
