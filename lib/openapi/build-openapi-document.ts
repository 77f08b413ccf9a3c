import "server-only";

import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";

import { handlerDefinition, type Access, type HandlerDefinition } from "@/lib/http/api-handler";

import { API_ROUTES, HTTP_METHODS } from "./api-routes";
import { errorBody } from "./common-schemas";

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  user: [{ sessionCookie: [] }, { bearerToken: [] }],
  admin: [{ sessionCookie: [] }, { bearerToken: [] }],
  session: [{ sessionCookie: [] }],
};

/**
 * The OpenAPI 3.1 document of every route in lib/openapi/api-routes.ts, built from the options each
 * handler was declared with: the same zod schemas that check its params, query and body, its `doc`, and
 * the errors apiHandler answers for it.
 */
export async function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const [path, load] of Object.entries(API_ROUTES)) {
    const routeModule = await load();
    for (const method of HTTP_METHODS) {
      const definition = handlerDefinition(routeModule[method]);
      if (definition?.doc) paths[path] = { ...paths[path], [method.toLowerCase()]: toOperation(path, method, definition) };
    }
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Hooksmith API",
      version: "1",
      description:
        "Features and their analyses, tracked projects, API tokens, the GitHub App's webhooks, and the outbound webhooks' " +
        "administration. Every error a client can cause is JSON `{ error: { code, message } }`. The outbound events' " +
        "catalogue (JSON Schema and example of each type and version) is at `GET /api/v1/event-types`.",
    },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description: "Signed in to the app (`__Secure-authjs.session-token` over HTTPS). Writes must come from the app's own origin.",
        },
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token from Settings → API tokens" },
      },
    },
  });
}

function toOperation(path: string, method: string, definition: HandlerDefinition): ZodOpenApiOperationObject {
  const doc = definition.doc!;
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, response] of Object.entries(doc.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema && {
        content: { "application/json": { schema: response.schema, ...(response.example !== undefined && { example: response.example }) } },
      }),
    };
  }
  for (const [status, description] of Object.entries(errorsOf(method, definition))) {
    responses[status] = { description, content: { "application/json": { schema: errorBody } } };
  }
  const body = definition.body ?? doc.rawBody?.schema;
  return {
    operationId: doc.operationId,
    summary: doc.summary,
    ...(doc.description && { description: doc.description }),
    tags: [tagOf(path)],
    security: SECURITY[definition.access],
    requestParams: withoutUndefined({ path: objectOf(definition.params), query: objectOf(definition.query), header: doc.headers }),
    ...(body && {
      requestBody: { required: true, description: doc.rawBody?.description, content: { "application/json": { schema: body } } },
    }),
    responses,
  };
}

/** The error answers of an operation: those apiHandler gives from its options, then the handler's own. */
function errorsOf(method: string, { access, params, query, body, resource, doc }: HandlerDefinition): Record<number, string> {
  const errors: Record<number, string[]> = {};
  const add = (status: number, description: string) => (errors[status] ??= []).push(description);
  if (query) add(400, "`validation_error`: the query is not valid");
  if (body) add(400, "`invalid_json` or `validation_error`: the body is not JSON or not valid");
  if (access !== "public") add(401, "`unauthorized`: no session and no valid bearer token");
  if (access === "admin") add(403, "`forbidden`: needs the admin role");
  if (access === "session") add(403, "`session_required`: needs a person signed in to the app, not an API token");
  if (access !== "public" && method !== "GET") {
    add(403, "`csrf_rejected`: a cookie-authenticated write from another origin");
  }
  if (params) add(404, `\`not_found\`: ${resource ?? "This resource"} was not found`);
  if (body) add(413, "`payload_too_large`: the body is over the size limit");
  add(503, "`database_unavailable`: the database cannot be reached; try again shortly");
  if (body) add(503, "`server_busy`: too many request bodies are being read at once; try again shortly");
  for (const [status, description] of Object.entries(doc?.errors ?? {})) add(Number(status), description);
  return Object.fromEntries(Object.entries(errors).map(([status, descriptions]) => [status, descriptions.join("; ")]));
}

/** A route's section in the reference: `/api/v1/admin/jobs/{id}` → "admin/jobs". */
function tagOf(path: string): string {
  if (path.startsWith("/webhooks/github")) return "github webhooks";
  const [first, second] = path.replace("/api/v1/", "").split("/");
  return first === "admin" || first === "me" || first === "webhooks"
    ? `${first}${second && !second.startsWith("{") ? `/${second}` : ""}`
    : first!;
}

/** requestParams want one object: a list query is its filters and page, joined, then decoded (a pipe). */
function objectOf(schema: z.ZodType | undefined): z.ZodObject | undefined {
  if (schema instanceof z.ZodPipe) return objectOf(schema.in as z.ZodType);
  if (schema instanceof z.ZodIntersection) {
    return z.object({ ...objectOf(schema.def.left as z.ZodType)?.shape, ...objectOf(schema.def.right as z.ZodType)?.shape });
  }
  return schema instanceof z.ZodObject ? schema : undefined;
}

const withoutUndefined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
