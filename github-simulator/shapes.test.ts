import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

import { analysisRunName } from "@/lib/analysis/analysis-result";
import { startTestGithub, TEST_INSTALLATION } from "@/test/github-simulator";
import { serveRoutes } from "@/test/serve-route";

/**
 * OpenAPI 3.0's `nullable` as JSON Schema. Ajv 8 reads `nullable` next to a `type`, but GitHub also puts it
 * on bare `allOf`/`anyOf` schemas (a nullable account, a nullable license), which Ajv refuses to compile.
 */
function nullableAsJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const converted = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, nullableAsJsonSchema(value)]));
  if (converted.nullable !== true || "type" in converted) return converted;
  const { nullable: _nullable, ...schema } = converted;
  return { anyOf: [{ type: "null" }, schema] };
}

// GitHub's own OpenAPI description is the reference.
const require = createRequire(path.join(process.cwd(), "package.json"));
const openapi = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.json"), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema(nullableAsJsonSchema(openapi) as object, "github");

type SchemaObject = { properties?: Record<string, unknown> };
const escapePointer = (part: string) => encodeURIComponent(part.replaceAll("~", "~0").replaceAll("/", "~1"));
const componentSchema = (name: string) => ({ $ref: `github#/components/schemas/${name}` });
/** The JSON schema GitHub documents for a route's answer. */
const responseSchema = (method: string, route: string, status: number) => ({
  $ref: `github#/${["paths", route, method, "responses", String(status), "content", "application/json", "schema"].map(escapePointer).join("/")}`,
});

/** Where `body` breaks `schema`, one line per problem (empty when it conforms). */
function violations(schema: object, body: unknown): string[] {
  const validate = ajv.compile(schema);
  return validate(body)
    ? []
    : validate.errors!.map((error) => `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
}

/** Top-level keys GitHub's schema does not have: a field the app could come to rely on that GitHub never sends. */
function unknownKeys(schemaName: string, body: object): string[] {
  const { properties = {} } = openapi.components.schemas[schemaName] as SchemaObject;
  return Object.keys(body).filter((key) => !(key in properties));
}

function expectShape(schemaName: string, body: object) {
  expect(violations(componentSchema(schemaName), body)).toEqual([]);
  expect(unknownKeys(schemaName, body)).toEqual([]);
}

const webhooks: { event: string; body: unknown }[] = [];
const { url: receiverUrl } = await serveRoutes({
  "/webhooks/github": async (req) => {
    webhooks.push({ event: req.headers.get("x-github-event") ?? "", body: await req.json() });
    return new Response(null, { status: 204 });
  },
});
// Queued long enough to be read as queued even on a loaded CI machine.
const github = await startTestGithub({
  webhooks: { url: `${receiverUrl}/webhooks/github`, secret: "shapes-webhook-secret" },
  timings: { queuedMs: 1500, runMs: 100 },
});
const REPO = { owner: "demo-org", repo: "demo-app" };
const octokit = await github.octokitFor("demo-org/demo-app");
const FEATURE_ID = "0b0e5f4e-1d7c-4a8e-9a43-3f1e2d6c9b10";
const CORRELATION_ID = "5d1e0c8a-3f4b-4b8e-9c1d-2a7f6e5b4c3d";

const dispatch = () =>
  octokit.request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", {
    ...REPO,
    workflow_id: "analyze-feature.yml",
    ref: "main",
    return_run_details: true,
    inputs: {
      feature_id: FEATURE_ID,
      feature_description: "Export invoices\n\nA CSV export.",
      callback_url: "",
      correlation_id: CORRELATION_ID,
    },
  });
const dispatched = await dispatch();
const runId = (dispatched.data as { workflow_run_id: number }).workflow_run_id;
const getRun = () => octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { ...REPO, run_id: runId });
const queuedRun = (await getRun()).data;

describe("the GitHub simulator answers in GitHub's documented shapes", () => {
  it("workflow dispatch with return_run_details (200)", () => {
    expect(dispatched.status).toBe(200);
    expectShape("workflow-dispatch-response", dispatched.data as object);
  });

  it("a workflow run, queued and completed", async () => {
    expect(queuedRun).toMatchObject({ status: "queued", conclusion: null, display_title: analysisRunName(FEATURE_ID, CORRELATION_ID) });
    expectShape("workflow-run", queuedRun);
    await expect.poll(async () => (await getRun()).data.status, { timeout: 10_000 }).toBe("completed");
    expectShape("workflow-run", (await getRun()).data);
  });

  it("a workflow's runs list", async () => {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", {
      ...REPO,
      workflow_id: "analyze-feature.yml",
    });
    expect(data.workflow_runs.length).toBeGreaterThan(0);
    expect(violations(responseSchema("get", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", 200), data)).toEqual([]);
  });

  it("a run's artifacts list", async () => {
    await expect.poll(async () => (await getRun()).data.status).toBe("completed");
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", { ...REPO, run_id: runId });
    expect(data.artifacts).toHaveLength(1);
    expect(violations(responseSchema("get", "/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", 200), data)).toEqual([]);
    expect(unknownKeys("artifact", data.artifacts[0]!)).toEqual([]);
  });

  it("the App's installation on a repository", async () => {
    const { data } = await github.app.octokit.request("GET /repos/{owner}/{repo}/installation", REPO);
    expect(data.id).toBe(TEST_INSTALLATION.id);
    expectShape("installation", data);
  });

  it("an installation access token (201)", async () => {
    const response = await github.app.octokit.request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: TEST_INSTALLATION.id,
    });
    expect(response.status).toBe(201);
    expectShape("installation-token", response.data);
  });

  it("the installation's repositories", async () => {
    const { data } = await octokit.request("GET /installation/repositories");
    expect(data.repositories.map((repository) => repository.full_name)).toEqual(TEST_INSTALLATION.repositories);
    // Not checked for unknown keys: GitHub's own example of this answer carries a few its schema does not list.
    expect(violations(responseSchema("get", "/installation/repositories", 200), data)).toEqual([]);
  });

  it("a REST error", async () => {
    const error = await octokit
      .request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { ...REPO, run_id: 1 })
      .catch((failure: { status: number; response: { data: unknown } }) => failure);
    expect(error).toMatchObject({ status: 404 });
    expect(violations(componentSchema("basic-error"), (error as { response: { data: unknown } }).response.data)).toEqual([]);
  });

  it("the App's workflow_run completed webhook", async () => {
    await expect.poll(() => webhooks.filter((webhook) => webhook.event === "workflow_run").length).toBeGreaterThan(0);
    const { body } = webhooks.find((webhook) => webhook.event === "workflow_run")!;
    expect(body).toMatchObject({ action: "completed", workflow_run: { id: runId, status: "completed" } });
    expectShape("webhook-workflow-run-completed", body as object);
  });

  it("a push webhook is self-consistent: the sender is the pusher, the organisation's repository is owned by an Organization", async () => {
    const pushed = await fetch(`${github.simulator.url}/_simulator/repos/demo-org/demo-app/push`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "Shapes push", files: { "notes.md": "hello" } }),
    });
    expect(pushed.status).toBe(201);
    await expect.poll(() => webhooks.filter((webhook) => webhook.event === "push").length).toBeGreaterThan(0);
    const body = webhooks.find((webhook) => webhook.event === "push")!.body as {
      pusher: { name: string };
      sender: { login: string; html_url: string };
      repository: { owner: { login: string; type: string; html_url: string } };
    };
    expect(body.sender.login).toBe(body.pusher.name);
    expect(body.sender.html_url).toBe(`${github.simulator.url}/${body.pusher.name}`);
    expect(body.repository.owner).toMatchObject({ login: "demo-org", type: "Organization", html_url: `${github.simulator.url}/demo-org` });
  });

  it("a person's organisation membership and their installations, with their own user token", async () => {
    github.simulator.state.userTokens.set("gho_shapes-member", "shapes-member");
    github.simulator.state.setOrgMember("demo-org", "shapes-member", true);
    const asUser = (route: string) =>
      fetch(`${github.simulator.apiUrl}${route}`, { headers: { authorization: "Bearer gho_shapes-member" } });

    const membership = await asUser("/user/memberships/orgs/demo-org");
    expect(membership.status).toBe(200);
    const body = await membership.json();
    expect(body).toMatchObject({ state: "active", organization: { login: "demo-org" }, user: { login: "shapes-member" } });
    expectShape("org-membership", body);
    expect((await asUser("/user/memberships/orgs/elsewhere")).status).toBe(404);

    const installations = await asUser("/user/installations");
    const list = await installations.json();
    expect(list.installations.map((installation: { id: number }) => installation.id)).toEqual([TEST_INSTALLATION.id]);
    expect(violations(responseSchema("get", "/user/installations", 200), list)).toEqual([]);

    github.simulator.state.setOrgMember("demo-org", "shapes-member", false);
    expect((await asUser("/user/memberships/orgs/demo-org")).status).toBe(404);
    expect((await (await asUser("/user/installations")).json()).installations).toEqual([]);
    expect(
      (await fetch(`${github.simulator.apiUrl}/user/installations`, { headers: { authorization: "Bearer gho_unknown" } })).status,
    ).toBe(401);
  });
});
