import "server-only";

import type { z } from "zod";

import { AppError } from "@/lib/errors";

import { processBodyBudget, type BodyBudget } from "./body-budget";

const DEFAULT_LIMIT = 64 * 1024;

/**
 * Reads the raw body with a size cap (413 past it), without trusting Content-Length alone. Its bytes
 * count against the process's body budget (503 past it) until the request is answered: apiHandler gives
 * them back, as must any route that reads a body without it.
 */
export async function readBody(req: Request, limit = DEFAULT_LIMIT, budget: BodyBudget = processBodyBudget()): Promise<Buffer> {
  const body = bodyCollector(req, req.headers.get("content-length"), limit, budget);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      body.add(value);
    }
  } catch (error) {
    budget.release(req);
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return body.bytes();
}

/**
 * The size rules of every body read, whatever the stream: a Content-Length past `limit` is refused before
 * reading (413), each chunk counts toward `limit` (413) and toward the process's budget on behalf of `req` (503).
 */
export function bodyCollector(req: object, contentLength: string | null | undefined, limit: number, budget: BodyBudget) {
  if (Number(contentLength ?? "0") > limit) throw tooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  return {
    add(chunk: Uint8Array) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge(limit);
      budget.take(req, chunk.byteLength);
      chunks.push(chunk);
    },
    bytes: () => Buffer.concat(chunks),
  };
}

/** Reads, parses and validates a JSON body: 413 too large, 400 invalid JSON, 400 schema errors (via ZodError). */
export async function readJson<T extends z.ZodType>(req: Request, schema: T, limit?: number): Promise<z.output<T>> {
  return parseJsonBody(await readBody(req, limit), schema);
}

/** Parses and validates raw body bytes already read (e.g. to check a signature first): 400 invalid JSON, 400 schema errors. */
export function parseJsonBody<T extends z.ZodType>(raw: Buffer, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new AppError(400, "invalid_json", "The body is not valid JSON");
  }
  return schema.parse(value);
}

function tooLarge(limit: number) {
  return new AppError(413, "payload_too_large", `The body is over the ${limit}-byte limit`);
}
