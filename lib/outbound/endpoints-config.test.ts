import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { definitionOf, loadEndpointsConfig, resolveDefinitions, resolveSecret, type LoadOptions } from "./endpoints-config";

const dir = mkdtempSync(path.join(tmpdir(), "hooksmith-endpoints-"));
const secretsDir = mkdtempSync(path.join(tmpdir(), "hooksmith-secrets-"));
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
writeFileSync(path.join(secretsDir, "file_secret"), `${SECRET}\n`);
const options: LoadOptions = {
  secretsDir,
  env: { ENV_SECRET: SECRET, FILE_SECRET: "whsec_shadowedByTheFileSecret0000" },
  allowInsecureUrls: false,
};

let counter = 0;
function load(yaml: string, overrides: Partial<LoadOptions> = {}) {
  const file = path.join(dir, `webhooks-${++counter}.yaml`);
  writeFileSync(file, yaml);
  return loadEndpointsConfig(file, { ...options, ...overrides });
}
const endpoint = (fields: Record<string, unknown> = {}) => ({
  id: "crm",
  url: "https://crm.example.com/hook",
  secret: "file_secret",
  events: ["feature.*"],
  ...fields,
});
const yamlOf = (...endpoints: Record<string, unknown>[]) =>
  `endpoints:\n${endpoints.map((entry) => `  - ${JSON.stringify(entry)}`).join("\n")}\n`;
const errorsOf = (result: ReturnType<typeof load>) => (result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`));

describe("webhooks.yaml validation", () => {
  it("accepts a valid file, with defaults, resolved secrets and wildcards", () => {
    const result = load(
      yamlOf(
        endpoint({ events: ["user.*", "project.updated"] }),
        endpoint({ id: "audit", secret: "env_secret", enabled: false, description: "Audit" }),
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.endpoints).toEqual([
      {
        id: "crm",
        url: "https://crm.example.com/hook",
        events: ["user.*", "project.updated"],
        enabled: true,
        description: null,
        secretName: "file_secret",
        previousSecretName: null,
        secrets: [SECRET],
        ordering: "strict",
        maxInFlight: 10,
        rateLimitPerSecond: null,
        filter: {},
        headers: {},
        headerSources: {},
        secretsResolved: true,
        allowLoopback: false,
      },
      {
        id: "audit",
        url: "https://crm.example.com/hook",
        events: ["feature.*"],
        enabled: false,
        description: "Audit",
        secretName: "env_secret",
        previousSecretName: null,
        secrets: [SECRET],
        ordering: "strict",
        maxInFlight: 10,
        rateLimitPerSecond: null,
        filter: {},
        headers: {},
        headerSources: {},
        secretsResolved: true,
        allowLoopback: false,
      },
    ]);
  });

  it.each([
    ["a duplicate id", yamlOf(endpoint(), endpoint()), 'endpoints[1].id: duplicate endpoint id "crm"'],
    [
      "an http URL",
      yamlOf(endpoint({ url: "http://crm.example.com/hook" })),
      "endpoints[0].url: expected an https:// URL (http is allowed only to loopback",
    ],
    ["another scheme", yamlOf(endpoint({ url: "ftp://crm.example.com/hook" })), "endpoints[0].url: expected an https:// URL"],
    ["a relative URL", yamlOf(endpoint({ url: "/hook" })), "endpoints[0].url: expected an absolute URL"],
    [
      "credentials in the URL",
      yamlOf(endpoint({ url: "https://user:pw@crm.example.com/" })),
      "endpoints[0].url: must not carry credentials",
    ],
    ["a missing secret name", yamlOf(endpoint({ secret: undefined })), "endpoints[0].secret:"],
    ["a secret that resolves nowhere", yamlOf(endpoint({ secret: "nowhere" })), "endpoints[0].secret: secret nowhere not found"],
    [
      "a secret not in whsec_ form",
      yamlOf(endpoint({ secret: "plain" })),
      "endpoints[0].secret: secret plain is not in whsec_<base64> form",
    ],
    ["no events", yamlOf(endpoint({ events: [] })), "endpoints[0].events: expected at least one event type"],
    [
      "an unknown event",
      yamlOf(endpoint({ events: ["feature.created", "invoice.paid"] })),
      'endpoints[0].events[1]: unknown event type "invoice.paid"',
    ],
    ["an unknown top-level key", "endpoint: []\n", "(file): Unrecognized key"],
    ["an id that is not a short id", yamlOf(endpoint({ id: "CRM Hook" })), "endpoints[0].id: expected a short id"],
  ])("refuses %s, naming its path", (_name, yaml, message) => {
    const env = { ...options.env, PLAIN: "not-a-whsec" };
    expect(errorsOf(load(yaml, { env })).join("\n")).toContain(message);
  });

  it("reports every error of every endpoint at once, each with its line", () => {
    const result = load(
      yamlOf(endpoint({ url: "http://x.example" }), endpoint({ id: "b", events: [] }), endpoint({ id: "c", secret: "nowhere" })),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      expect.objectContaining({ path: "endpoints[0].url", line: 2 }),
      expect.objectContaining({ path: "endpoints[1].events", line: 3 }),
      expect.objectContaining({ path: "endpoints[2].secret", line: 4 }),
    ]);
  });

  it("reports a YAML syntax error with its line", () => {
    const result = load("endpoints:\n  - id: crm\n    url: [unclosed\n");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: "(file)", line: expect.any(Number) });
  });

  it("allows http only to loopback, and only with ALLOW_INSECURE_WEBHOOK_URLS", () => {
    expect(load(yamlOf(endpoint({ url: "http://127.0.0.1:9999/hook" }))).ok).toBe(false);
    expect(load(yamlOf(endpoint({ url: "http://127.0.0.1:9999/hook" })), { allowInsecureUrls: true }).ok).toBe(true);
    expect(load(yamlOf(endpoint({ url: "http://localhost:9999/hook" })), { allowInsecureUrls: true }).ok).toBe(true);
    expect(errorsOf(load(yamlOf(endpoint({ url: "http://10.0.0.5/hook" })), { allowInsecureUrls: true }))).toEqual([
      "endpoints[0].url: http is allowed only to a loopback host",
    ]);
  });

  it("takes a rotating endpoint's previous secret as a second signing secret", () => {
    const result = load(yamlOf(endpoint({ previous_secret: "env_secret" })));
    expect(result.ok && result.endpoints[0]!.secrets).toEqual([SECRET, SECRET]);
  });

  it("reads an absent file as no endpoints, saying it is missing", () => {
    const result = loadEndpointsConfig(path.join(dir, "missing.yaml"), options);
    expect(result).toEqual({ ok: true, endpoints: [], warnings: [], missing: true });
  });

  it("checks a disabled endpoint's secrets only once it is enabled", () => {
    const disabled = { secret: "nowhere", headers: { Authorization: { secret: "nowhere_either" } }, enabled: false };
    const result = load(yamlOf(endpoint(disabled)));
    expect(result.ok && result.endpoints[0]).toMatchObject({ enabled: false, secrets: [], secretsResolved: false });
    expect(errorsOf(load(yamlOf(endpoint({ ...disabled, enabled: true }))))).toEqual([
      expect.stringMatching(/^endpoints\[0\]\.secret: secret nowhere not found/),
      expect.stringMatching(/^endpoints\[0\]\.headers\.Authorization: secret nowhere_either not found/),
    ]);
    // Published to another instance, it is held as disabled rather than as one this instance cannot sign for.
    if (!result.ok) return;
    expect(resolveDefinitions([definitionOf(result.endpoints[0]!)], options)).toMatchObject({
      endpoints: [{ id: "crm", enabled: false, secretsResolved: false }],
      unresolved: [],
    });
  });

  it("allows http to loopback for one endpoint with allow_loopback (the dev switch), with a warning", () => {
    const result = load(yamlOf(endpoint({ url: "http://127.0.0.1:4000/", allow_loopback: true }), endpoint({ id: "other" })));
    expect(result.ok && result.endpoints.map((entry) => [entry.id, entry.allowLoopback])).toEqual([
      ["crm", true],
      ["other", false],
    ]);
    expect(result.ok && result.warnings).toEqual([
      { path: "endpoints[0].allow_loopback", message: expect.stringContaining("never in production") },
    ]);
    expect(errorsOf(load(yamlOf(endpoint({ url: "http://10.0.0.5/hook", allow_loopback: true }))))).toEqual([
      "endpoints[0].url: http is allowed only to a loopback host",
    ]);
    expect(errorsOf(load(yamlOf(endpoint({ url: "http://127.0.0.1:4000/" }))))).toEqual([
      expect.stringContaining("with allow_loopback: true on the endpoint"),
    ]);
  });

  it("reads the delivery options: ordering, max_in_flight, rate limit, filter and headers with secrets by name", () => {
    const result = load(
      yamlOf(
        endpoint({
          ordering: "none",
          max_in_flight: 4,
          rate_limit_per_second: 20,
          filter: { repository: "demo-org/demo-app", "feature.priority": ["high", "critical"] },
          headers: { "X-Team": "growth", Authorization: { secret: "env_secret" } },
        }),
      ),
    );
    expect(result.ok && result.endpoints[0]).toMatchObject({
      ordering: "none",
      maxInFlight: 4,
      rateLimitPerSecond: 20,
      filter: { repository: ["demo-org/demo-app"], "feature.priority": ["high", "critical"] },
      headers: { "X-Team": "growth", Authorization: SECRET },
      headerSources: { "X-Team": { value: "growth" }, Authorization: { secret: "env_secret" } },
    });
  });

  it("publishes options to other instances without secret values, and they resolve header secrets themselves", () => {
    const result = load(yamlOf(endpoint({ ordering: "none", headers: { "X-Team": "growth", Authorization: { secret: "env_secret" } } })));
    if (!result.ok) throw new Error("expected a valid file");
    const definition = definitionOf(result.endpoints[0]!);
    expect(JSON.stringify(definition)).not.toContain(SECRET);
    expect(definition).toMatchObject({ ordering: "none", headerSources: { Authorization: { secret: "env_secret" } } });

    const elsewhere = resolveDefinitions([definition], options);
    expect(elsewhere).toEqual({ endpoints: [result.endpoints[0]], unresolved: [] });
    // An instance that cannot read the header's secret holds the endpoint back rather than send without it.
    expect(resolveDefinitions([definition], { ...options, env: {} })).toMatchObject({ endpoints: [], unresolved: ["crm"] });
  });

  it("refuses bad options, each with its path", () => {
    const result = load(
      yamlOf(
        endpoint({
          ordering: "random",
          max_in_flight: 0,
          rate_limit_per_second: -1,
          filter: { "a..b": 1 },
          headers: { "webhook-signature": "x", "X-Key": { secret: "missing_secret" } },
        }),
      ),
    );
    expect(errorsOf(result).map((error) => error.split(":")[0])).toEqual(
      expect.arrayContaining([
        "endpoints[0].ordering",
        "endpoints[0].max_in_flight",
        "endpoints[0].rate_limit_per_second",
        "endpoints[0].filter.a..b",
        "endpoints[0].headers.webhook-signature",
      ]),
    );
    const missing = load(yamlOf(endpoint({ headers: { "X-Key": { secret: "missing_secret" } } })));
    expect(errorsOf(missing)).toEqual([expect.stringMatching(/^endpoints\[0\]\.headers\.X-Key: secret missing_secret not found/)]);
  });

  it("accepts the shipped example as it is copied: its endpoints are disabled, so their secrets may not exist yet", () => {
    const example = readFileSync(path.join(process.cwd(), "config", "webhooks.yaml.example"), "utf8");
    const copied = load(example, { env: {} });
    expect(copied.ok && copied.endpoints.map((entry) => [entry.id, entry.enabled, entry.secretsResolved])).toEqual([
      ["crm", false, false],
      ["audit", false, false],
      ["local", false, false],
    ]);
    expect(copied.ok && copied.warnings).toEqual([]);
    const result = load(example, {
      env: { CRM_WEBHOOK_SECRET: SECRET, AUDIT_WEBHOOK_SECRET: SECRET, CRM_API_KEY: "Bearer crm-key", LOCAL_WEBHOOK_SECRET: SECRET },
    });
    expect(result.ok && result.endpoints.map((entry) => entry.secretsResolved)).toEqual([true, true, true]);
  });
});

describe("secret resolution", () => {
  it("reads the Docker secret first, then the environment variable (upper-cased, other characters → _), with a warning", () => {
    expect(resolveSecret("file_secret", options)).toMatchObject({ value: SECRET, from: "file" });
    expect(resolveSecret("env-secret", { ...options, env: { ENV_SECRET: SECRET } })).toMatchObject({
      value: SECRET,
      from: "env",
      envName: "ENV_SECRET",
    });
    expect(resolveSecret("nothing.here", options)).toEqual({ from: "none", envName: "NOTHING_HERE" });
    const result = load(yamlOf(endpoint({ secret: "env_secret" })));
    expect(result.ok && result.warnings).toEqual([
      {
        path: "endpoints[0].secret",
        message: expect.stringMatching(/comes from the environment variable ENV_SECRET; move it to a Docker secret/),
      },
    ]);
  });
});
