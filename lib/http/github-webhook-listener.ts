import "server-only";

import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import type { Config } from "@/lib/config";
import { toErrorResponse } from "@/lib/errors";
import type { GithubWebhookDeps } from "@/lib/github-webhooks/deps";
import {
  GITHUB_WEBHOOK_MAX_BYTES,
  githubWebhookHttpStatus,
  githubWebhookSettings,
  receiveGithubWebhook,
} from "@/lib/github-webhooks/receive-github-webhook";
import { createLogger, type Logger } from "@/lib/log";

import type { BodyBudget } from "./body-budget";
import { bodyCollector } from "./read-json";
import { ENDPOINT_CSP, HSTS, SECURITY_HEADERS } from "./security-headers";

const PATH = "/webhooks/github";
/** How long a refused body that is still arriving is read and dropped before the connection is cut. */
const REFUSED_BODY_LINGER_MS = 5_000;

export interface GithubWebhookListenerDeps {
  githubWebhooks(log: Logger): Promise<Pick<GithubWebhookDeps, "db" | "handOff" | "log" | "now">>;
  config(): Config;
  budget(): BodyBudget;
}

/** The requests the listener answers: POST /webhooks/github, whatever the query. Everything else is Next's. */
export function isGithubWebhookPost(req: IncomingMessage): boolean {
  if (req.method !== "POST" || !req.url?.startsWith(PATH)) return false;
  return req.url.length === PATH.length || req.url[PATH.length] === "?";
}

/**
 * POST /webhooks/github answered on Node's own request and response, without Next's routing and
 * request/response objects: at a burst of deliveries those cost more than recording one. The answer is
 * app/webhooks/github/route.ts's, from the same receiveGithubWebhook (signature, duplicate drop, the stored
 * row, the hand-off): the same size cap and body budget, the same JSON and status codes, the errors
 * through the same toErrorResponse, an x-request-id and one `request` log line as apiHandler writes.
 */
export async function answerGithubWebhook(deps: GithubWebhookListenerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const requestId = header(req, "x-request-id") ?? randomUUID();
  const log = createLogger({ request_id: requestId });
  const budget = deps.budget();
  let status: number;
  let body: string;
  let headers: Record<string, string> = { "content-type": "application/json" };
  try {
    const answer = await receiveGithubWebhook(await deps.githubWebhooks(log), githubWebhookSettings(deps.config()), {
      signature: header(req, "x-hub-signature-256"),
      event: header(req, "x-github-event"),
      deliveryId: header(req, "x-github-delivery"),
      headers: requestHeaders(req),
      readBody: () => readNodeBody(req, GITHUB_WEBHOOK_MAX_BYTES, budget),
    });
    status = githubWebhookHttpStatus(answer);
    body = JSON.stringify(answer);
  } catch (error) {
    const response = toErrorResponse(error, log);
    status = response.status;
    body = await response.text();
    headers = Object.fromEntries(response.headers);
  } finally {
    budget.release(req);
  }
  res.writeHead(status, {
    ...endpointHeaders(req),
    ...headers,
    "x-request-id": requestId,
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
  if (!req.complete) dropRestOfBody(req);
  log.info("request", { method: "POST", path: PATH, status, duration_ms: Math.round(performance.now() - started) });
}

/**
 * A body refused before its end (too large) is read on and dropped, as Node does with a body nobody read:
 * a client still sending it then reads the answer, where closing at once would reset the connection under
 * it. A body still arriving after REFUSED_BODY_LINGER_MS is cut off.
 */
function dropRestOfBody(req: IncomingMessage) {
  const cutOff = setTimeout(() => req.destroy(), REFUSED_BODY_LINGER_MS).unref();
  req.once("close", () => clearTimeout(cutOff)).resume();
}

/** What next.config.ts puts on every endpoint's answer, HSTS aside: the same for every request. */
const ENDPOINT_HEADERS: Record<string, string> = {
  ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value])),
  "Content-Security-Policy": ENDPOINT_CSP,
};

/** What next.config.ts puts on every endpoint's answer. */
function endpointHeaders(req: IncomingMessage): Record<string, string> {
  return header(req, "x-forwarded-proto") === "https" ? { ...ENDPOINT_HEADERS, [HSTS.key]: HSTS.value } : ENDPOINT_HEADERS;
}

/** One header as fetch's Headers.get gives it: repeated values joined by ", ". */
function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function* requestHeaders(req: IncomingMessage): Iterable<[string, string]> {
  for (const name of Object.keys(req.headers)) yield [name, header(req, name)!];
}

/** The raw body under the same rules as readBody (lib/http/read-json.ts), from Node's request stream. */
function readNodeBody(req: IncomingMessage, limit: number, budget: BodyBudget): Promise<Buffer> {
  const body = bodyCollector(req, header(req, "content-length"), limit, budget);
  return new Promise((resolve, reject) => {
    const stop = (error: unknown) => {
      req.off("data", onData);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      try {
        body.add(chunk);
      } catch (error) {
        stop(error);
      }
    };
    req.on("data", onData);
    req.once("end", () => resolve(body.bytes()));
    req.once("error", stop);
    req.once("close", () => req.complete || stop(new Error("The client closed the request before its body ended")));
  });
}
