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
}

export interface ConfigProblem {
  /** Where in the YAML: e.g. `endpoints[1].url`. */
  path: string;
  message: string;
  line?: number;
}

export type LoadedEndpoints = { ok: true; endpoints: Endpoint[]; warnings: ConfigProblem[] } | { ok: false; errors: ConfigProblem[] };

export interface LoadOptions {
  secretsDir: string;
  env: Record<string, string | undefined>;
  allowInsecureUrls: boolean;
}

const SECRET_NAME = /^[A-Za-z0-9][\w.-]{0,127}$/;
const WHSEC = /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const endpointSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "expected a short id: lower-case letters, digits, - and _"),
  url: z.string().refine(URL.canParse, "expected an absolute URL"),
  secret: z.string().regex(SECRET_NAME, "expected the name of a secret (letters, digits, . _ -)"),
  previous_secret: z.string().regex(SECRET_NAME, "expected the name of a secret (letters, digits, . _ -)").optional(),
  events: z
    .array(z.string().refine(isKnownEventPattern, { error: (issue) => `unknown event type ${JSON.stringify(issue.input)}` }))
    .min(1, "expected at least one event type"),
  enabled: z.boolean().default(true),
  description: z.string().max(500).optional(),
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
  if (!existsSync(file))
    return { ok: true, endpoints: [], warnings: [{ path: file, message: "no endpoints file: no outbound webhooks are sent" }] };
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
    const urlProblem = checkUrl(entry.url, options.allowInsecureUrls);
    if (urlProblem) errors.push({ path: at("url"), message: urlProblem });
    const secrets: string[] = [];
    for (const [field, name] of [
      ["secret", entry.secret],
      ["previous_secret", entry.previous_secret],
    ] as const) {
      if (!name) continue;
      const resolved = resolveSecret(name, options);
      if (!resolved.value) {
        errors.push({
          path: at(field),
          message: `secret ${name} not found: put it in ${path.join(options.secretsDir, name)} or set ${resolved.envName}`,
        });
      } else if (!WHSEC.test(resolved.value)) {
        errors.push({
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
    endpoints.push({
      id: entry.id,
      url: entry.url,
      events: entry.events,
      enabled: entry.enabled,
      description: entry.description ?? null,
      secretName: entry.secret,
      previousSecretName: entry.previous_secret ?? null,
      secrets,
    });
  });
  return errors.length ? { ok: false, errors: withLines(document, lines, errors) } : { ok: true, endpoints, warnings };
}

/** https anywhere; http only to a loopback host, and only with ALLOW_INSECURE_WEBHOOK_URLS=true (tests). */
function checkUrl(value: string, allowInsecure: boolean): string | undefined {
  const url = new URL(value);
  if (url.username || url.password) return "must not carry credentials";
  if (url.protocol === "https:") return undefined;
  if (url.protocol !== "http:") return "expected an https:// URL";
  if (!allowInsecure) return "expected an https:// URL (http is allowed only to loopback with ALLOW_INSECURE_WEBHOOK_URLS=true)";
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

/** What the database stores of an endpoint: everything but the secret values. */
export function definitionOf(endpoint: Endpoint): EndpointDefinition {
  const { secretName, previousSecretName, secrets: _secrets, ...rest } = endpoint;
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
  for (const { secret, previousSecret, ...rest } of definitions) {
    const secrets = [secret, previousSecret].flatMap((name) => (name ? [resolveSecret(name, options).value ?? ""] : []));
    if (secrets.every((value) => WHSEC.test(value)))
      endpoints.push({ ...rest, secretName: secret, previousSecretName: previousSecret, secrets });
    else unresolved.push(rest.id);
  }
  return { endpoints, unresolved };
}
