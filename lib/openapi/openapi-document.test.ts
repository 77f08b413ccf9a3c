import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";

import { handlerDefinition } from "@/lib/http/api-handler";

import { API_ROUTES, HTTP_METHODS } from "./api-routes";
import { buildOpenApiDocument } from "./build-openapi-document";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The route files the contract covers, and the one left out: the catch-all that answers 404 for unknown paths. */
const DOCUMENTED_TREES = ["app/api/v1", "app/webhooks/github"];
const UNDOCUMENTED = new Set(["/api/v1/{...path}"]);

/** `app/api/v1/features/[id]/route.ts` → `/api/v1/features/{id}`. */
function routeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const tree of DOCUMENTED_TREES) {
    for (const entry of readdirSync(path.join(ROOT, tree), { recursive: true, encoding: "utf8" })) {
      if (path.basename(entry) !== "route.ts") continue;
      const file = path.join(tree, entry);
      const apiPath = `/${path.dirname(file).replace(/^app\//, "")}`.replace(/\[([^\]]+)\]/g, "{$1}");
      if (!UNDOCUMENTED.has(apiPath)) files.set(apiPath, file);
    }
  }
  return files;
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await buildOpenApiDocument();
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("documents every route file, and every documented path has a route file", async () => {
    const files = routeFiles();
    const missing = [...files].filter(([apiPath]) => !(apiPath in API_ROUTES));
    expect(
      missing.map(([apiPath, file]) => `add to lib/openapi/api-routes.ts: "${apiPath}": () => import("@/${file.replace(/\.ts$/, "")}"),`),
    ).toEqual([]);
    expect(Object.keys(API_ROUTES).filter((apiPath) => !files.has(apiPath))).toEqual([]);
  });

  it("has an operation for every method a route file exports", async () => {
    const document = await buildOpenApiDocument();
    const undocumented: string[] = [];
    for (const [apiPath, load] of Object.entries(API_ROUTES)) {
      const routeModule = await load();
      for (const method of HTTP_METHODS) {
        if (!(method in routeModule)) continue;
        if (!handlerDefinition(routeModule[method])?.doc) {
          undocumented.push(`${method} ${apiPath}: give its apiHandler options a \`doc\` (operationId, summary, responses)`);
        }
        expect(document.paths?.[apiPath]?.[method.toLowerCase() as "get"], `${method} ${apiPath}`).toBeDefined();
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("gives every operation a unique operationId, a security requirement and the error shape", async () => {
    const document = await buildOpenApiDocument();
    const operations = Object.values(document.paths ?? {}).flatMap((item) =>
      HTTP_METHODS.map((method) => item[method.toLowerCase() as "get"]).filter(Boolean),
    );
    const ids = operations.map((operation) => operation!.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) expect(operation!.security, operation!.operationId).toBeDefined();
    expect(document.paths?.["/api/v1/features/{id}"]?.get?.responses?.["404"]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    });
  });
});

describe("the route tests' check against the document (test/contract.ts)", () => {
  it("refuses a status an operation does not list and a body its schema refuses, and passes a documented answer", async () => {
    const { checkResponse } = await import("@/test/contract");
    const { GET } = await import("@/app/api/v1/features/[id]/route");
    const req = new Request("http://app.test/api/v1/features/x");
    await expect(checkResponse(GET, req, Response.json({}, { status: 418 }))).rejects.toThrow(/answered 418.*does not list/);
    await expect(checkResponse(GET, req, Response.json({ id: "not-a-feature" }))).rejects.toThrow(/schema refuses/);
    await expect(
      checkResponse(GET, req, Response.json({ error: { code: "not_found", message: "Feature was not found" } }, { status: 404 })),
    ).resolves.toBeUndefined();
  });

  it("refuses an emitted event whose data does not match its published schema", async () => {
    const { checkEvent } = await import("@/test/contract");
    const event = { id: "evt_1", type: "endpoint.paused", version: 1, timestamp: new Date(), data: { endpoint_id: "crm", reason: "gone" } };
    await expect(checkEvent(event)).resolves.toBeUndefined();
    await expect(checkEvent({ ...event, data: { endpoint_id: 7 } })).rejects.toThrow(/does not match its published schema/);
    await expect(checkEvent({ ...event, version: 9 })).rejects.toThrow(/not in the event catalogue/);
  });
});
