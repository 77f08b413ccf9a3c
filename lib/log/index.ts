import "server-only";

type Level = "debug" | "info" | "warn" | "error";
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are never written: credentials, tokens, signatures and cookies. */
const SECRET_FIELD = /secret|token|password|authorization|cookie|signature|private|api[-_]?key|credential/i;

export type LogFields = Record<string, unknown>;

/** Replaces secret-looking fields, at any depth, by "[redacted]". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return errorFields(value, depth);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? "[redacted]" : redact(item, depth + 1);
  }
  return out;
}

const MAX_MESSAGE = 500;

/**
 * An error as log fields: a failed query's message carries its parameters (payloads, secrets), so only
 * the statement part is kept, bounded; the driver's own error (the cause) says what went wrong.
 */
function errorFields(error: Error, depth: number): Record<string, unknown> {
  const message = error.message.split("\nparams:")[0]!;
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message,
    ...(typeof code === "string" ? { code } : {}),
    ...(error.cause !== undefined ? { cause: redact(error.cause, depth + 1) } : {}),
  };
}

function threshold(): number {
  const level = process.env.LOG_LEVEL as Level | undefined;
  return LEVELS[level ?? "info"] ?? LEVELS.info;
}

function write(level: Level, msg: string, fields: LogFields) {
  if (LEVELS[level] < threshold()) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...(redact(fields) as LogFields) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** A structured logger: one JSON line per call, secrets redacted, bound fields (request_id…) on every line. */
export function createLogger(bound: LogFields = {}): Logger {
  return {
    debug: (msg, fields = {}) => write("debug", msg, { ...bound, ...fields }),
    info: (msg, fields = {}) => write("info", msg, { ...bound, ...fields }),
    warn: (msg, fields = {}) => write("warn", msg, { ...bound, ...fields }),
    error: (msg, fields = {}) => write("error", msg, { ...bound, ...fields }),
    child: (fields) => createLogger({ ...bound, ...fields }),
  };
}

export const log = createLogger();
