import "server-only";

import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { processSingleton } from "@/lib/server/process-singleton";

/**
 * The bytes of request bodies this process holds in memory at once, across all requests. Each body's
 * share is taken chunk by chunk while it is read and given back when its request has been answered, so
 * many large bodies at once (a flood of 25 MB posts to a public webhook) get 503 instead of exhausting memory.
 */
export class BodyBudget {
  private used = 0;
  // Keyed by the request that holds the bytes: a fetch Request, or Node's IncomingMessage on the thin webhook path.
  private readonly held = new WeakMap<object, number>();

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Counts `bytes` more of `req`'s body, or throws 503 when that would pass the capacity. */
  take(req: object, bytes: number): void {
    if (this.used + bytes > this.capacity) {
      throw new AppError(503, "server_busy", "The server is receiving too much at once; retry shortly");
    }
    this.used += bytes;
    this.held.set(req, (this.held.get(req) ?? 0) + bytes);
  }

  /** Gives back everything `req`'s body took; safe to call for a request that took nothing, or twice. */
  release(req: object): void {
    this.used -= this.held.get(req) ?? 0;
    this.held.delete(req);
  }
}

/** The process's budget, REQUEST_BODY_BUFFER_MAX_BYTES. */
export const processBodyBudget = () =>
  processSingleton("hooksmith.body-budget", () => new BodyBudget(getConfig().REQUEST_BODY_BUFFER_MAX_BYTES));
