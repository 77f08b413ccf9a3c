// Fault drills against a real `next start` (own process group, own data dir, ports 4500/4501):
// 4. GitHub answering 5xx, 403 rate limit and slowly → the poller backs off and records the result later.
// 5. 1,000 malformed or hostile requests to each public endpoint → no 5xx, no crash, 4xx answers.
import { rmSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

import { expect, setSimulatorFaults, test } from "./fixtures";
import { startApp, type AppProcess } from "./server-process";

const PORT = 4500;
const SIMULATOR = `http://127.0.0.1:${PORT + 1}`;
const DATA_DIR = path.join(__dirname, ".artifacts", "data-drills");
const TOKEN = "e2e-drills-admin-token-0123456789abcdef";
const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

let app: AppProcess;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  app = await startApp(PORT, {
    DATA_DIR,
    ADMIN_API_TOKEN: TOKEN,
    LOG_LEVEL: "warn",
    GITHUB_SIMULATOR_PORT: String(PORT + 1),
    GITHUB_SIMULATOR_WORKFLOW_SECONDS: "1",
    ANALYSIS_POLLING_INTERVAL_SECONDS: "1",
    ANALYSIS_WEBHOOK_GRACE_SECONDS: "1",
    ANALYSIS_POLLING_TIMEOUT_SECONDS: "120",
  });
});
test.afterAll(async () => app?.kill("SIGKILL"));

type FeatureDetail = { status: string; analyses: { source: string; status: string }[]; events: { kind: string; message: string }[] };

test("drill 4: GitHub 5xx, rate limits and slowness delay the poller but it records the result, once", async () => {
  test.setTimeout(120_000);
  // Polling is the only way home: no callback, no workflow_run webhook.
  expect((await setSimulatorFaults(SIMULATOR, { callback: "drop", workflowRunWebhook: false })).status).toBe(200);
  const created = await fetch(`${app.url}/api/v1/features`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({
      name: "Drill 4",
      description: "Polls through GitHub trouble.",
      priority: "high",
      repository: "demo-org/demo-app",
    }),
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await fetch(`${app.url}/api/v1/features/${id}/analyze`, { method: "POST", headers: auth })).status).toBe(202);
  // Dispatched: now every poll meets trouble first — 5xx twice, the primary and the secondary rate limit, all slow.
  expect(
    (
      await setSimulatorFaults(SIMULATOR, {
        serverErrors: 2,
        rateLimited: 1,
        secondaryRateLimited: 1,
        rateLimitResetSeconds: 1,
        slowMs: 1500,
      })
    ).status,
  ).toBe(200);

  const started = Date.now();
  let detail: FeatureDetail | undefined;
  await expect
    .poll(
      async () => (detail = (await (await fetch(`${app.url}/api/v1/features/${id}`, { headers: auth })).json()) as FeatureDetail).status,
      {
        timeout: 90_000,
        intervals: [500],
      },
    )
    .toBe("completed");
  expect(detail!.analyses.map(({ source, status }) => ({ source, status }))).toEqual([{ source: "polling", status: "completed" }]);
  const transient = detail!.events.filter((event) => event.kind === "transient_error").map((event) => event.message);
  expect(transient.some((message) => /5\d\d|server/i.test(message))).toBe(true);
  expect(transient.some((message) => /rate limit/i.test(message))).toBe(true);
  expect(detail!.events.filter((event) => event.kind === "completed")).toHaveLength(1);
  const state = (await (await fetch(`${SIMULATOR}/_simulator/state`)).json()) as { faults: Record<string, number> };
  expect(state.faults).toMatchObject({ serverErrors: 0, rateLimited: 0, secondaryRateLimited: 0 });
  await setSimulatorFaults(SIMULATOR, { slowMs: 0, callback: "deliver", workflowRunWebhook: true });
  console.log(`drill 4: completed by polling after ${transient.length} transient errors in ${Date.now() - started} ms`);
});

/** What `raw` answers when the server closed the connection while the request was still being sent. */
const CLOSED_WHILE_SENDING = -1;

/** Sends raw bytes and reads the status line: for abuse undici refuses to send (huge or invalid headers). */
function raw(request: string | Buffer, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, "127.0.0.1");
    let answer = "";
    const statusOf = () => /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
    const timer = setTimeout(() => socket.destroy(new Error("no answer")), timeoutMs);
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const status = statusOf();
      if (status) {
        clearTimeout(timer);
        socket.destroy();
        resolve(Number(status));
      }
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (statusOf()) resolve(Number(statusOf()));
      else if (error.code === "EPIPE" || error.code === "ECONNRESET") resolve(CLOSED_WHILE_SENDING);
      else reject(error);
    });
    socket.on("close", () => (clearTimeout(timer), resolve(Number(statusOf() ?? 0))));
    socket.write(request);
  });
}

const ENDPOINTS = [
  { method: "POST", path: "/webhooks/github" },
  { method: "POST", path: "/api/v1/webhooks/analysis-result" },
  { method: "GET", path: "/webhooks/github/health" },
  { method: "POST", path: "/api/inngest" },
] as const;

const UNICODE = ["ünïcödé", "😀".repeat(20), "\u202e\u0000x", "x".repeat(300), "../../etc/passwd", "' OR 1=1 --", "%00", "ا"];
const BODIES: (string | Uint8Array)[] = [
  "",
  "{",
  "[]",
  "null",
  "not json",
  '{"a":',
  JSON.stringify({ feature_id: "😀" }),
  "\u0000\u0001\u0002",
  new Uint8Array([0xff, 0xfe, 0x00, 0xc3]),
  JSON.stringify({ action: "x".repeat(10_000) }),
  '{"__proto__":{"polluted":true}}',
  JSON.stringify([{ a: 1 }]),
  "1e999999",
];
const CONTENT_TYPES = [
  "application/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "💥/💥",
];
const SIGNATURES = [
  "sha256=",
  "sha256=zz",
  `sha256=${"g".repeat(64)}`,
  `sha256=${"A".repeat(64)}`,
  "sha1=abc",
  "ab".repeat(32),
  "ab".repeat(33),
  "=".repeat(50),
  Buffer.from("x").toString("base64"),
];

/** The i-th hostile request for an endpoint: bad JSON, wrong content types, wrong signature encodings, unicode in ids. */
function hostile(endpoint: (typeof ENDPOINTS)[number], i: number): RequestInit & { url: string } {
  const pick = <T>(list: readonly T[], salt = 0) => list[(i * 7 + salt) % list.length]!;
  const headers: Record<string, string> = { "content-type": pick(CONTENT_TYPES) };
  const id = pick(UNICODE, 3);
  if (i % 3 !== 0) headers["x-hub-signature-256"] = pick(SIGNATURES, 1);
  if (i % 4 !== 0) headers["x-github-event"] = i % 2 ? id : "issues";
  if (i % 5 !== 0) headers["x-github-delivery"] = id;
  if (i % 2 === 0) headers["x-feature-id"] = i % 4 ? id : "00000000-0000-0000-0000-000000000000";
  if (i % 3 !== 1) headers["x-webhook-signature"] = pick(SIGNATURES, 2);
  if (i % 6 === 0) headers["x-inngest-signature"] = `t=${i}&s=${pick(SIGNATURES)}`;
  const query = i % 9 === 0 ? `?fnId=${encodeURIComponent(id)}&stepId=${encodeURIComponent(id)}` : "";
  // Header values go on the wire as bytes: unicode is sent as its UTF-8 bytes, as a raw client would.
  for (const [name, value] of Object.entries(headers))
    headers[name] = Buffer.from(value, "utf8")
      .toString("latin1")
      .replace(/[\u0000\r\n]/g, "");
  return {
    url: `${app.url}${endpoint.path}${query}`,
    method: endpoint.method,
    headers,
    body: endpoint.method === "GET" ? undefined : (pick(BODIES, 5) as BodyInit),
  };
}

test("drill 5: 1,000 hostile requests to each public endpoint answer 4xx, never 5xx, and the server lives", async () => {
  test.setTimeout(240_000);
  const started = Date.now();
  const statuses: Record<string, Record<string, number>> = {};
  const failures: string[] = [];
  const record = (key: string, status: number, detail: string) => {
    (statuses[key] ??= {})[status] = (statuses[key]![status] ?? 0) + 1;
    if (status < 100 || status >= 500) failures.push(`${key} ${status} ${detail}`);
  };

  for (const endpoint of ENDPOINTS) {
    const key = `${endpoint.method} ${endpoint.path}`;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < 1000; i = next++) {
        const request = hostile(endpoint, i);
        // GET /webhooks/github/health is a valid request whatever its headers: it answers 200.
        const response = await fetch(request.url, request).catch((error: Error) => ({
          status: 0,
          headers: new Headers(),
          text: async () => error.message,
        }));
        const body = await response.text();
        record(key, response.status, body.slice(0, 200));
        if (response.status >= 400 && response.status < 500 && endpoint.path !== "/api/inngest") {
          expect(response.headers.get("content-type"), `${key} #${i}`).toContain("application/json");
          expect(JSON.parse(body), `${key} #${i}`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  // What a fetch client will not send: huge headers, broken framing, a 30 MB body.
  const hugeHeader = `x-feature-id: ${"a".repeat(64 * 1024)}\r\n`;
  for (const endpoint of ENDPOINTS) {
    const key = `${endpoint.method} ${endpoint.path} (raw)`;
    const head = `${endpoint.method} ${endpoint.path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n`;
    record(key, await raw(`${head}${hugeHeader}content-length: 0\r\n\r\n`), "huge header");
    record(
      key,
      await raw(`${head}${Array.from({ length: 500 }, (_, n) => `x-h${n}: ${"b".repeat(100)}\r\n`).join("")}content-length: 0\r\n\r\n`),
      "many headers",
    );
    record(key, await raw(`${head}content-length: 10\r\ncontent-length: 20\r\n\r\n0123456789`), "two lengths");
    record(key, await raw(`${head}transfer-encoding: chunked\r\n\r\nzz\r\n`), "bad chunk");
    record(key, await raw(`${head}x-feature-id: \u00ff\u00fe\r\ncontent-length: 2\r\n\r\n{}`), "latin1 id");
    if (endpoint.method === "POST") {
      const big = Buffer.alloc(30 * 1024 * 1024, 0x61);
      const headers = {
        "content-type": "application/json",
        "x-feature-id": "00000000-0000-0000-0000-000000000000",
        "x-webhook-signature": "ab".repeat(32),
        "x-hub-signature-256": `sha256=${"ab".repeat(32)}`,
        "x-github-event": "push",
        "x-github-delivery": "big",
      };
      const declared = await fetch(`${app.url}${endpoint.path}`, { method: "POST", headers, body: big }).catch(() => ({ status: 0 }));
      record(key, declared.status, "30 MB body");
      if (endpoint.path !== "/api/inngest") expect(declared.status, `${key} 30 MB`).toBe(endpoint.path === "/webhooks/github" ? 413 : 404);
      // Chunked, no content-length: the size cap must hold while streaming (the server may answer before reading it all).
      const size = (30 * 1024 * 1024).toString(16);
      const chunked = {
        status: await raw(
          Buffer.concat([
            Buffer.from(
              `${head}x-feature-id: 00000000-0000-0000-0000-000000000000\r\nx-webhook-signature: ${"ab".repeat(32)}\r\ntransfer-encoding: chunked\r\n\r\n${size}\r\n`,
            ),
            Buffer.alloc(30 * 1024 * 1024, 0x61),
            Buffer.from("\r\n0\r\n\r\n"),
          ]),
          60_000,
        ),
      };
      // The server may refuse a streamed body by closing the connection while it is still arriving; the
      // client's write then fails before it can read an answer. That is a refusal too, not a failure.
      if (chunked.status === CLOSED_WHILE_SENDING) (statuses[key] ??= {})["closed while sending"] = 1;
      else record(key, chunked.status, "30 MB chunked");
    }
  }

  console.log(`drill 5: ${JSON.stringify(statuses)} in ${Date.now() - started} ms`);
  expect(failures).toEqual([]);
  // Still alive and healthy after all of it.
  expect(app.child.exitCode).toBeNull();
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  expect((await fetch(`${app.url}/webhooks/github/health`)).status).toBe(200);
});
