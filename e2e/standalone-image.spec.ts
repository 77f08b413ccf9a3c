// The container image's start command, without Docker: the standalone build laid out as the Dockerfile
// lays it out (.next/static and the start script beside server.js), started with `node scripts/start-image.mjs`
// from that directory in production configuration (GitHub App credentials; GitHub itself unreachable),
// with AUTH_SECRET and the App's private key only as Docker-style secret files. It must migrate a fresh
// database, answer /api/health and /api/health/live, and exit 0 on SIGTERM.
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

import { expect, test } from "./fixtures";

const ROOT = path.join(__dirname, "..");
const STANDALONE = path.join(ROOT, ".next", "standalone");
const PORT = 4603;
const DATA_DIR = path.join(__dirname, ".artifacts", "data-standalone");

/** What the Dockerfile copies next to the traced server, linked instead of copied. */
function layOutLikeTheImage() {
  const links: [string, string][] = [
    [path.join(ROOT, ".next", "static"), path.join(STANDALONE, ".next", "static")],
    [path.join(ROOT, "scripts", "start-image.mjs"), path.join(STANDALONE, "scripts", "start-image.mjs")],
  ];
  for (const [target, link] of links) {
    if (existsSync(link)) continue;
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link);
  }
}

test("the image's start command serves /api/health from the standalone build, with secrets from files, and exits 0 on SIGTERM", async () => {
  test.setTimeout(120_000);
  expect(existsSync(path.join(STANDALONE, "server.js")), "next build with output: standalone").toBe(true);
  layOutLikeTheImage();
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(path.join(DATA_DIR, "secrets"), { recursive: true });
  writeFileSync(path.join(DATA_DIR, "secrets", "auth_secret"), "standalone-only-auth-secret-0123456789abcdef\n");
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  writeFileSync(path.join(DATA_DIR, "secrets", "github_app_private_key"), privateKey);
  writeFileSync(path.join(DATA_DIR, "secrets", "github_client_secret"), "standalone-client-secret");

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    DATA_DIR,
    WEBHOOK_SECRETS_DIR: path.join(DATA_DIR, "secrets"),
    AUTH_TRUST_HOST: "true",
    GITHUB_APP_ID: "4242",
    GITHUB_CLIENT_ID: "standalone-client",
    GITHUB_WEBHOOK_SECRET: "standalone-github-webhook-secret",
    GITHUB_API_URL: "http://127.0.0.1:9/api/v3", // closed: start-up's installation sync fails and is only logged
    ALLOW_ANY_GITHUB_USER: "true",
    LOG_LEVEL: "info",
  };
  const child = spawn(process.execPath, ["scripts/start-image.mjs"], {
    cwd: STANDALONE,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const url = `http://127.0.0.1:${PORT}`;
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.status, { timeout: 90_000, intervals: [250] })
      .toBe(200);
    expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({ status: "ok", database: { status: "ok", driver: "pglite" } });
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
    process.kill(-child.pid!, "SIGTERM");
    expect(await exited, output).toBe(0);
    expect(output).toContain('"shut down"');
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
  }
});
