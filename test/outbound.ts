import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

import type { Database } from "@/db";
import { endpointDrainRequested } from "@/inngest/events";
import { createLogger } from "@/lib/log";
import type { OutboundDeps } from "@/lib/outbound/deps";
import type { Endpoint } from "@/lib/outbound/endpoints-config";

export const TEST_ENDPOINT_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

type Answer = { status: number; headers?: Record<string, string | undefined>; body?: string; delayMs?: number };

/** A webhook receiver on loopback that answers as told (200 by default) and records every request. Closed after the file. */
export async function startReceiver() {
  const received: ReceivedWebhook[] = [];
  let answer: (request: { body: string; index: number }) => Answer = () => ({ status: 200 });
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const reply = answer({ body, index: received.length });
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    received.push({ headers: req.headers, body, status: reply.status });
    const headers = Object.fromEntries(
      Object.entries(reply.headers ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    res.writeHead(reply.status, headers).end(reply.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    answerWith(next: typeof answer) {
      answer = next;
    },
  };
}

export function testEndpoint(url: string, overrides: Partial<Endpoint> = {}): Endpoint {
  return {
    id: "crm",
    url,
    events: ["*"],
    enabled: true,
    description: null,
    secretName: "crm_secret",
    previousSecretName: null,
    secrets: [TEST_ENDPOINT_SECRET],
    ordering: "strict",
    maxInFlight: 10,
    rateLimitPerSecond: null,
    filter: {},
    headers: {},
    headerSources: {},
    secretsResolved: true,
    allowLoopback: false,
    ...overrides,
  };
}

/** Outbound deps on the test database with loopback allowed, a clock the test may move, and recorded wake-ups. */
export function outboundTestDeps(db: Database, endpoints: Endpoint[], overrides: Partial<OutboundDeps["settings"]> = {}) {
  const clock = {
    now: new Date(),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const woken: string[] = [];
  const deps: OutboundDeps = {
    db,
    endpoints: () => endpoints,
    confirmedEndpoints: async () => ({ endpoints, unresolved: [] }),
    settings: { maxRetries: 5, baseDelayMs: 1000, timeoutMs: 2000, autoPauseAfterFailures: 20, allowLoopback: true, ...overrides },
    sendEvent: async (events) =>
      void woken.push(...events.flatMap((event) => (event.name === endpointDrainRequested.name ? [event.data.endpoint_id] : []))),
    now: () => clock.now,
    log: createLogger({ test: true }),
  };
  return { deps, clock, woken };
}
