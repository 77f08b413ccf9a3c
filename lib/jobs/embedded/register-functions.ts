import "server-only";

import type { InngestFunction } from "inngest";

import { compileExpression, UnsupportedExpressionError, type CompiledExpression, type Scope } from "./compile-expression";
import { parseTimeString } from "./time-string";

/** Inngest's default when a function sets no `retries`. */
const DEFAULT_RETRIES = 4;

export type KeyExpression = (scope: Scope) => string | undefined;

export interface RegisteredFunction {
  /** `<app id>-<function id>`, as the serve handler expects in `fnId`. */
  id: string;
  name: string;
  eventTriggers: { event: string; matches: (name: string) => boolean; expression: CompiledExpression | null }[];
  crons: string[];
  retries: number;
  concurrency: { limit: number; key: KeyExpression | null; scope: string }[];
  singleton: { key: KeyExpression | null; mode: "skip" | "cancel" } | null;
  idempotency: KeyExpression | null;
  /** `priority.run`: seconds a new run jumps ahead of (positive) or behind (negative) the queue. */
  priority: ((scope: Scope) => number) | null;
  cancel: { event: string; expression: CompiledExpression | null; timeoutMs: number | null }[];
}

export class UnsupportedFunctionError extends Error {
  constructor(functionId: string, reason: string) {
    super(`Function ${functionId} cannot run on the embedded job executor: ${reason}`);
    this.name = "UnsupportedFunctionError";
  }
}

/** The registration config the SDK would send to an Inngest server (`fn.getConfig`), read in-process. */
type FunctionConfig = {
  id: string;
  name?: string;
  triggers: ({ event: string; expression?: string } | { cron: string })[];
  steps: Record<string, { retries?: { attempts?: number } }>;
  concurrency?: number | { limit: number; key?: string; scope?: string } | { limit: number; key?: string; scope?: string }[];
  singleton?: { key?: string; mode: "skip" | "cancel" };
  idempotency?: string;
  cancel?: { event: string; if?: string; timeout?: string }[];
  batchEvents?: unknown;
  rateLimit?: unknown;
  throttle?: unknown;
  debounce?: unknown;
  priority?: { run?: string };
};

const PATH = /^(event|async)(\.[A-Za-z_]\w*)+$/;

/** A key expression (`event.data.featureId`): one field path, evaluated to a string key. */
function compileKey(expression: string): KeyExpression {
  if (!PATH.test(expression.trim())) {
    throw new UnsupportedExpressionError(expression, "keys must be a single field such as event.data.id");
  }
  const path = expression.trim().split(".");
  return (scope) => {
    let value: unknown = scope;
    for (const key of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
    return value === undefined || value === null ? undefined : typeof value === "string" ? value : JSON.stringify(value);
  };
}

/** Inngest clamps priority to ±600 s; the embedded executor reads it from one field (or a number). */
const MAX_PRIORITY_SECONDS = 600;

function compilePriority(expression: string): (scope: Scope) => number {
  const constant = Number(expression);
  const read = Number.isFinite(constant) ? () => String(constant) : compileKey(expression);
  return (scope) => {
    const value = Number(read(scope) ?? 0);
    return Number.isFinite(value) ? Math.max(-MAX_PRIORITY_SECONDS, Math.min(MAX_PRIORITY_SECONDS, Math.trunc(value))) : 0;
  };
}

const eventMatcher = (pattern: string) =>
  pattern.endsWith("/*") ? (name: string) => name.startsWith(pattern.slice(0, -1)) : (name: string) => name === pattern;

/** Reads one config, refusing flow control the embedded executor does not implement (never a silent ignore). */
export function registerFunctionConfig(config: FunctionConfig): RegisteredFunction {
  for (const option of ["batchEvents", "rateLimit", "throttle", "debounce"] as const) {
    if (config[option] !== undefined) throw new UnsupportedFunctionError(config.id, `\`${option}\` is not supported`);
  }
  const wrap = <T>(build: () => T): T => {
    try {
      return build();
    } catch (error) {
      if (error instanceof UnsupportedExpressionError) throw new UnsupportedFunctionError(config.id, error.message);
      throw error;
    }
  };
  return wrap(() => {
    const concurrency =
      config.concurrency === undefined ? [] : Array.isArray(config.concurrency) ? config.concurrency : [config.concurrency];
    const step = Object.values(config.steps)[0];
    return {
      id: config.id,
      name: config.name ?? config.id,
      eventTriggers: config.triggers.flatMap((trigger) =>
        "event" in trigger
          ? [
              {
                event: trigger.event,
                matches: eventMatcher(trigger.event),
                expression: trigger.expression ? compileExpression(trigger.expression) : null,
              },
            ]
          : [],
      ),
      crons: config.triggers.flatMap((trigger) => ("cron" in trigger ? [trigger.cron] : [])),
      retries: step?.retries?.attempts ?? DEFAULT_RETRIES,
      concurrency: concurrency.map((entry) =>
        typeof entry === "number"
          ? { limit: entry, key: null, scope: "fn" }
          : { limit: entry.limit, key: entry.key ? compileKey(entry.key) : null, scope: entry.scope ?? "fn" },
      ),
      singleton: config.singleton
        ? { key: config.singleton.key ? compileKey(config.singleton.key) : null, mode: config.singleton.mode }
        : null,
      idempotency: config.idempotency ? compileKey(config.idempotency) : null,
      priority: config.priority?.run ? compilePriority(config.priority.run) : null,
      cancel: (config.cancel ?? []).map((cancel) => ({
        event: cancel.event,
        expression: cancel.if ? compileExpression(cancel.if) : null,
        timeoutMs: cancel.timeout ? parseTimeString(cancel.timeout) : null,
      })),
    };
  });
}

/** Registers the app's functions from the same config the SDK sends to an Inngest server. */
export function registerFunctions(appId: string, functions: InngestFunction.Any[]): Map<string, RegisteredFunction> {
  const registry = new Map<string, RegisteredFunction>();
  for (const fn of functions) {
    const getConfig = (fn as unknown as { getConfig(opts: { baseUrl: URL; appPrefix: string }): FunctionConfig[] }).getConfig;
    for (const config of getConfig.call(fn, { baseUrl: new URL("http://embedded/api/inngest"), appPrefix: appId })) {
      registry.set(config.id, registerFunctionConfig(config));
    }
  }
  return registry;
}
