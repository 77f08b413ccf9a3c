import addFormats from "ajv-formats";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

import type { OutboundEvent } from "@/db/schema";
import { API_ROUTES, HTTP_METHODS } from "@/lib/openapi/api-routes";
import { openApiDocument } from "@/lib/openapi/openapi-document";
import { eventCatalogueDocument } from "@/lib/outbound/event-catalogue-document";

interface Contract {
  /** Each route handler → its path and method in the document. */
  operations: Map<unknown, { path: string; method: string }>;
  document: Awaited<ReturnType<typeof openApiDocument>>;
  ajv: Ajv2020;
}

let contract: Promise<Contract> | undefined;

export function loadContract(): Promise<Contract> {
  contract ??= load();
  return contract;
}

async function load(): Promise<Contract> {
  const operations = new Map<unknown, { path: string; method: string }>();
  for (const [path, loadRoute] of Object.entries(API_ROUTES)) {
    const routeModule = await loadRoute();
    for (const method of HTTP_METHODS) if (routeModule[method]) operations.set(routeModule[method], { path, method: method.toLowerCase() });
  }
  const document = await openApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(JSON.parse(JSON.stringify(document)), "openapi.json");
  return { operations, document, ajv };
}

let eventValidators: { ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

/** The published schema of each event type and version, compiled (cheap: no routes to load). */
export function loadEventSchemas() {
  if (!eventValidators) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validators = new Map<string, ValidateFunction>();
    for (const { type, versions } of eventCatalogueDocument().event_types) {
      for (const { version, schema } of versions) validators.set(`${type}@${version}`, ajv.compile(schema));
    }
    eventValidators = { ajv, validators };
  }
  return eventValidators;
}

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Throws when a documented route answered a status its operation does not list, or a body its schema refuses. */
export async function checkResponse(handler: object, req: Request, response: Response): Promise<void> {
  const { operations, document, ajv } = await loadContract();
  const operation = operations.get(handler);
  if (!operation) return; // not a documented route (the /api/v1 catch-all)
  const where = `${req.method} ${operation.path}`;
  const responses = document.paths?.[operation.path]?.[operation.method as "get"]?.responses ?? {};
  const documented = responses[String(response.status)];
  if (!documented) {
    throw new Error(
      `${where} answered ${response.status} (${await response.text()}), which its OpenAPI operation does not list: add it to the route's doc.responses or doc.errors`,
    );
  }
  const text = await response.text();
  if (!("content" in documented) || !documented.content?.["application/json"]) {
    if (text) throw new Error(`${where} answered ${response.status} with a body its OpenAPI operation says it has not`);
    return;
  }
  const validate = ajv.getSchema(
    `openapi.json#/${pointer("paths", operation.path, operation.method, "responses", String(response.status), "content", "application/json", "schema")}`,
  );
  const body: unknown = JSON.parse(text);
  if (!validate!(body)) {
    throw new Error(
      `${where} answered ${response.status} with a body its OpenAPI schema refuses: ${ajv.errorsText(validate!.errors)}\n${text.slice(0, 2000)}`,
    );
  }
}

/** Throws when a stored event's data does not match its type's published JSON Schema at its version. */
export async function checkEvent(event: OutboundEvent): Promise<void> {
  const { validators, ajv } = loadEventSchemas();
  const validate = validators.get(`${event.type}@${event.version}`);
  if (!validate) throw new Error(`Event ${event.type} version ${event.version} is not in the event catalogue`);
  // Stored as JSON, so checked as a receiver will see it.
  if (!validate(JSON.parse(JSON.stringify(event.data)))) {
    throw new Error(`Event ${event.type}@${event.version} does not match its published schema: ${ajv.errorsText(validate.errors)}`);
  }
}
