import "server-only";

import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import { storableHeaders } from "@/lib/http/storable-headers";

import { resolveSafeAddress } from "./ssrf-guard";

const EXCERPT_BYTES = 1024;

export interface SendResult {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number;
  /** Seconds a 429/503 asked us to wait (Retry-After), when given. */
  retryAfterSeconds: number | null;
  error: string | null;
  responseExcerpt: string | null;
  /** The headers sent, as they were (the body is the caller's). */
  requestHeaders: Record<string, string>;
  /** The answer's headers, credentials (Set-Cookie) left out; null when nothing came back. */
  responseHeaders: Record<string, string> | null;
}

/**
 * POSTs one signed delivery: the address is checked (SSRF guard) and the connection pinned to it,
 * redirects are never followed (a 3xx is a failure), the whole exchange has a timeout, and at most 1 KB
 * of the answer is kept.
 */
export async function sendWebhook(
  input: { url: string; body: string; headers: Record<string, string> },
  options: { timeoutMs: number; allowLoopback: boolean },
): Promise<SendResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const requestHeaders: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Hooksmith-Webhooks/1.0",
    "content-length": String(Buffer.byteLength(input.body)),
    ...input.headers,
  };
  const failed = (error: string, httpStatus: number | null = null): SendResult => ({
    ok: false,
    httpStatus,
    latencyMs: latency(),
    retryAfterSeconds: null,
    error,
    responseExcerpt: null,
    requestHeaders,
    responseHeaders: null,
  });
  const url = new URL(input.url);
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveSafeAddress(url.hostname, options.allowLoopback);
  } catch (error) {
    return failed((error as Error).message);
  }
  const lookup: LookupFunction = (_host, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        headers: requestHeaders,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < EXCERPT_BYTES) chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
          kept += chunk.length;
        });
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          const retryAfter = Number(response.headers["retry-after"]);
          resolve({
            ok: status >= 200 && status < 300,
            httpStatus: status,
            latencyMs: latency(),
            retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
            error:
              status >= 300 && status < 400
                ? `redirect to ${response.headers.location ?? "?"} not followed`
                : status >= 400 || status < 200
                  ? `HTTP ${status}`
                  : null,
            responseExcerpt: Buffer.concat(chunks).toString("utf8") || null,
            requestHeaders,
            responseHeaders: storableHeaders(
              Object.entries(response.headers).map(([name, value]): [string, string] => [name, [value ?? ""].flat().join(", ")]),
            ),
          });
        });
        response.on("error", (error) => resolve(failed(error.message, response.statusCode ?? null)));
      },
    );
    // One deadline for the whole exchange (connect, send, answer), not per idle socket.
    const deadline = setTimeout(() => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("error", (error) => resolve(failed(error.message)));
    request.end(input.body);
  });
}
