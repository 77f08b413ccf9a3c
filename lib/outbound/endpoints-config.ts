import "server-only";

import { existsSync, readFileSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";

import type { EndpointDefinition } from "@/db/schema";

import { isKnownEventPattern } from "./event-types";

/** An endpoint as configured, with its secrets resolved (never shown by any API). */
export interface Endpoint {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  description: string | null;
  secretName: string;
  previousSecretName: string | null;
  /** The signing secrets: the current one, then the previous one while a rotation is under way. */
  secrets: string[];
  /** `strict`: one delivery at a time, in event order; `none`: up to `maxInFlight` at once, in any order. */
  ordering: "strict" | "none";
  maxInFlight: number;
  /** Attempts per second at most, across every instance; over it, deliveries wait. */
  rateLimitPerSecond: number | null;
  /** Only events whose data has these values at these dotted paths (any of a list) are delivered. */
  filter: Record<string, FilterValue[]>;
  /** Extra headers on every delivery, secret values resolved. */
  headers: Record<string, string>;
  /** Their names and where each value comes from, for the API (never a secret's value). */
  headerSources: Record<string, { secret: string } | { value: string }>;
  /** Every secret it names was found. Only a disabled endpoint may lack one: it sends nothing until enabled. */
  secretsResolved: boolean;
  /** The dev switch: http and loopback addresses allowed for this endpoint only (a receiver on this machine). */
  allowLoopback: boolean;
}

export type FilterValue = string | number | boolean;

export interface ConfigProblem {
  /** Where in the YAML: e.g. `endpoints[1].url`. */
  path: string;
  message: string;
  line?: number;
}

export type LoadedEndpoints =
  { ok: true; endpoints: Endpoint[]; warnings: ConfigProblem[]; missing: boolean } | { ok: false; errors: ConfigProblem[] };

export interface LoadOptions {
  secretsDir: string;
  env: Record<string, string | undefined>;
  allowInsecureUrls: boolean;
}

const SECRET_NAME = /^[A-Za-z0-9][\w.-]{0,127}$/;
const WHSEC = /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Headers a delivery sets itself: the signature's, and what HTTP owns. */
const RESERVED_HEADERS = /^(webhook-.*|content-type|content-length|host|user-agent|connection|transfer-encoding)$/i;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const filterValue = z.union([z.string(), z.number(), z.boolean()]);

const endpointSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "expected a short id: lower-case letters, digits, - and _"),
  url: z.string().refine(URL.canParse, "expected an absolute URL"),
  secret: z.string().regex(SECRET_NAME, "expected the name of a secret (letters, digits, . _ -)"),
  previous_secret: z.string().regex(SECRET_NAME, "expected the name of a secret (letters, digits, . _ -)").optional(),
  events: z
    .array(z.string().refine(isKnownEventPattern, { error: (issue) => `unknown event type ${JSON.stringify(issue.input)}` }))
    .min(1, "expected at least one event type"),
  enabled: z.boolean().default(true),
  allow_loopback: z.boolean().default(false),
  description: z.string().max(500).optional(),
  ordering: z.enum(["strict", "none"]).default("strict"),
  max_in_flight: z.number().int().min(1).max(100).default(10),
  rate_limit_per_second: z.number().positive().max(10_000).optional(),
  filter: z
    .record(
      z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, "expected a dotted path into the event's data, e.g. repository"),
      z.union([filterValue, z.array(filterValue).min(1)]),
    )
    .default({}),
  headers: z
    .record(
      z
        .string()
        .regex(HEADER_NAME, "expected an HTTP header name")
        .refine((name) => !RESERVED_HEADERS.test(name), { error: (issue) => `${String(issue.input)} is set by every delivery itself` }),
      z.union([
        z
          .string()
          .max(4000)
          .regex(/^[^\r\n]*$/, "expected one line"),
        z.object({ secret: z.string().regex(SECRET_NAME, "expected the name of a secret") }).strict(),
      ]),
    )
    .default({}),
});

const fileSchema = z.object({ endpoints: z.array(z.unknown()).default([]) }).strict();

/** Docker secret first, then the environment variable named after it (upper-cased, other characters → _). */
export function resolveSecret(
  name: string,
  options: Pick<LoadOptions, "secretsDir" | "env">,
): { value?: string; from: "file" | "env" | "none"; envName: string } {
  const envName = name.toUpperCase().replace(/[^A-Z0-9]/g, "_");
  const file = path.join(options.secretsDir, name);
  if (existsSync(file)) return { value: readFileSync(file, "utf8").trim(), from: "file", envName };
  const fromEnv = options.env[envName];
  return fromEnv ? { value: fromEnv.trim(), from: "env", envName } : { from: "none", envName };
}

/**
 * Reads and validates the whole endpoints file: every problem is reported with its YAML path, so an
 * admin can fix them all at once, and nothing partial is ever returned.
 */
export function loadEndpointsConfig(file: string, options: LoadOptions): LoadedEndpoints {
  if (!existsSync(file)) return { ok: true, endpoints: [], warnings: [], missing: true };
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(file, "utf8"), { prettyErrors: true, lineCounter: lines });
  if (document.errors.length) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({ path: "(file)", line: error.linePos?.[0]?.line, message: error.message.split("\n")[0]! })),
    };
  }
  const file_ = fileSchema.safeParse(document.toJS() ?? {});
  if (!file_.success) {
    return {
      ok: false,
      errors: withLines(
        document,
        lines,
        file_.error.issues.map((issue) => ({ path: yamlPath(issue.path), message: issue.message })),
      ),
    };
  }
  // Each endpoint is checked on its own, so one endpoint's schema error never hides another's problems.
  const errors: ConfigProblem[] = [];
  const warnings: ConfigProblem[] = [];
  const endpoints: Endpoint[] = [];
  const seen = new Set<string>();
  file_.data.endpoints.forEach((raw, index) => {
    const at = (field: string) => `endpoints[${index}].${field}`;
    const parsed = endpointSchema.safeParse(raw);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((issue) => ({ path: yamlPath(["endpoints", index, ...issue.path]), message: issue.message })));
      return;
    }
    const entry = parsed.data;
    if (seen.has(entry.id)) errors.push({ path: at("id"), message: `duplicate endpoint id ${JSON.stringify(entry.id)}` });
    seen.add(entry.id);
    const urlProblem = checkUrl(entry.url, options.allowInsecureUrls || entry.allow_loopback);
    if (urlProblem) errors.push({ path: at("url"), message: urlProblem });
    if (entry.allow_loopback && entry.enabled) {
      warnings.push({
        path: at("allow_loopback"),
        message: `endpoint ${entry.id} may send to this machine over http: for trying webhooks out, never in production`,
      });
    }
    // A disabled endpoint sends nothing, so its secrets are checked only once it is enabled.
    let resolvedAll = true;
    const problem = (problem: ConfigProblem) => {
      if (entry.enabled) errors.push(problem);
      else resolvedAll = false;
    };
    const secrets: string[] = [];
    for (const [field, name] of [
      ["secret", entry.secret],
      ["previous_secret", entry.previous_secret],
    ] as const) {
      if (!name) continue;
      const resolved = resolveSecret(name, options);
      if (!resolved.value) {
        problem({
          path: at(field),
          message: `secret ${name} not found: put it in ${path.join(options.secretsDir, name)} or set ${resolved.envName}`,
        });
      } else if (!WHSEC.test(resolved.value)) {
        problem({
          path: at(field),
          message: `secret ${name} is not in whsec_<base64> form (generate one with npm run webhooks:secret)`,
        });
      } else {
        secrets.push(resolved.value);
        if (resolved.from === "env") {
          warnings.push({
            path: at(field),
            message: `secret ${name} comes from the environment variable ${resolved.envName}; move it to a Docker secret (${path.join(options.secretsDir, name)}) so it stays out of the process environment`,
          });
        }
      }
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.headers)) {
      if (typeof value === "string") {
        headers[name] = value;
        continue;
      }
      const resolved = resolveSecret(value.secret, options);
      if (resolved.value) headers[name] = resolved.value;
      else {
        problem({
          path: at(`headers.${name}`),
          message: `secret ${value.secret} not found: put it in ${path.join(options.secretsDir, value.secret)} or set ${resolved.envName}`,
        });
      }
    }
    endpoints.push({
      id: entry.id,
      url: entry.url,
      events: entry.events,
      enabled: entry.enabled,
      description: entry.description ?? null,
      secretName: entry.secret,
      previousSecretName: entry.previous_secret ?? null,
      secrets,
      ordering: entry.ordering,
      maxInFlight: entry.max_in_flight,
      rateLimitPerSecond: entry.rate_limit_per_second ?? null,
      filter: Object.fromEntries(Object.entries(entry.filter).map(([key, value]) => [key, Array.isArray(value) ? value : [value]])),
      headers,
      headerSources: Object.fromEntries(
        Object.entries(entry.headers).map(([name, value]) => [name, typeof value === "string" ? { value } : { secret: value.secret }]),
      ),
      secretsResolved: resolvedAll,
      allowLoopback: entry.allow_loopback,
    });
  });
  return errors.length ? { ok: false, errors: withLines(document, lines, errors) } : { ok: true, endpoints, warnings, missing: false };
}

/** https anywhere; http only to a loopback host, and only with ALLOW_INSECURE_WEBHOOK_URLS=true (tests) or the endpoint's allow_loopback. */
function checkUrl(value: string, allowInsecure: boolean): string | undefined {
  const url = new URL(value);
  if (url.username || url.password) return "must not carry credentials";
  if (url.protocol === "https:") return undefined;
  if (url.protocol !== "http:") return "expected an https:// URL";
  if (!allowInsecure) return "expected an https:// URL (http is allowed only to loopback, with allow_loopback: true on the endpoint)";
  if (!LOOPBACK_HOSTS.has(url.hostname) && !(isIP(url.hostname) && url.hostname.startsWith("127.")))
    return "http is allowed only to a loopback host";
  return undefined;
}

function yamlPath(segments: PropertyKey[]): string {
  return (
    segments.reduce<string>(
      (text, segment) => (typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${String(segment)}` : String(segment)),
      "",
    ) || "(file)"
  );
}

/** Adds the line of each problem's path in the file, where the YAML still has it. */
function withLines(document: Document, lines: LineCounter, problems: ConfigProblem[]): ConfigProblem[] {
  return problems.map((problem) => {
    const keys = problem.path.match(/[^.[\]]+/g)?.map((key) => (/^\d+$/.test(key) ? Number(key) : key)) ?? [];
    let node: unknown = document.contents;
    for (const key of keys) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node)) node = node.get(key as number, true);
      else break;
    }
    const offset = (node as { range?: [number, number] } | undefined)?.range?.[0];
    return offset === undefined ? problem : { ...problem, line: lines.linePos(offset).line };
  });
}

/** What the database stores of an endpoint: everything but the secret values (signing and header secrets). */
export function definitionOf(endpoint: Endpoint): EndpointDefinition {
  const { secretName, previousSecretName, secrets: _secrets, headers: _headers, secretsResolved: _resolved, ...rest } = endpoint;
  return { ...rest, secret: secretName, previousSecret: previousSecretName };
}

/**
 * Endpoints another instance published, with their secrets read here. One whose secret this instance
 * cannot read is left out and named in `unresolved`: its deliveries wait rather than go out unsigned.
 */
export function resolveDefinitions(
  definitions: EndpointDefinition[],
  options: Pick<LoadOptions, "secretsDir" | "env">,
): { endpoints: Endpoint[]; unresolved: string[] } {
  const endpoints: Endpoint[] = [];
  const unresolved: string[] = [];
  for (const { secret, previousSecret, allowLoopback, ...rest } of definitions) {
    const secrets = [secret, previousSecret].flatMap((name) => (name ? [resolveSecret(name, options).value ?? ""] : []));
    const headers: Record<string, string> = {};
    for (const [name, source] of Object.entries(rest.headerSources)) {
      const value = "value" in source ? source.value : resolveSecret(source.secret, options).value;
      if (value !== undefined) headers[name] = value;
    }
    const secretsResolved =
      secrets.every((value) => WHSEC.test(value)) && Object.keys(headers).length === Object.keys(rest.headerSources).length;
    const endpoint = {
      ...rest,
      secretName: secret,
      previousSecretName: previousSecret,
      secrets: secrets.filter((value) => WHSEC.test(value)),
      headers,
      secretsResolved,
      allowLoopback: allowLoopback ?? false,
    };
    // A disabled endpoint sends nothing, so it is listed here even without its secrets.
    if (secretsResolved || !rest.enabled) endpoints.push(endpoint);
    else unresolved.push(rest.id);
  }
  return { endpoints, unresolved };
}
