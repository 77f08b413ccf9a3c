import "server-only";

import { randomUUID } from "node:crypto";
import type { z } from "zod";

import type { Principal } from "@/lib/auth/principal";
import { AppError, forbidden, notFound, toErrorResponse, unauthorized } from "@/lib/errors";
import { createLogger, type Logger } from "@/lib/log";

import { authenticateRequest } from "./authenticate-request";
import { processBodyBudget } from "./body-budget";
import { readJson } from "./read-json";
import { noteRouteDeclared, responseObserver } from "./response-observer";
import { routeDeps, type RouteDeps } from "./route-deps";

/**
 * Who may call: anyone (the path must be in lib/http/public-paths.ts); any user by session or API token;
 * a person signed in to the app only (not a script); admins.
 */
export type Access = "public" | "user" | "session" | "admin";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerOptions<A extends Access, P extends Schema, Q extends Schema, B extends Schema> {
  access: A;
  /** The path's dynamic segments. Values it refuses are a 404: a malformed id never reaches the database. */
  params?: P;
  /** What a refused path names in its 404 message ("Feature" → "Feature was not found"). */
  resource?: string;
  /** The search parameters (one value per name); refused values are a 400 validation_error. */
  query?: Q;
  /** The JSON body: 413 past `bodyLimit` (64 KB unless set), 400 invalid_json, 400 validation_error. */
  body?: B;
  bodyLimit?: number;
  /** What the OpenAPI document says about this operation (lib/openapi/api-routes.ts lists the route files). */
  doc?: OperationDoc;
}

/** One answer of an operation: its body's schema (none for an empty answer) and an example. */
export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  example?: unknown;
}

/**
 * An operation's documentation. The path, security, parameters, body and the errors apiHandler itself
 * answers (401, 403, 404 for a refused path, 400 for a refused query or body, 413) are derived from the
 * options; `errors` lists those the handler's own code answers.
 */
export interface OperationDoc {
  operationId: string;
  summary: string;
  description?: string;
  responses: Record<number, ResponseDoc>;
  errors?: Record<number, string>;
  /** Headers the handler reads itself (a signature it checks). */
  headers?: z.ZodObject;
  /** A body the handler reads itself, raw (its signature covers the exact bytes). */
  rawBody?: { schema: z.ZodType; description: string };
}

/** What a route's handler was declared with: the OpenAPI document is built from these. */
export type HandlerDefinition = HandlerOptions<Access, Schema, Schema, Schema>;

const definitions = new WeakMap<object, HandlerDefinition>();

/** The options `handler` was made with, if apiHandler made it. */
export function handlerDefinition(handler: unknown): HandlerDefinition | undefined {
  return typeof handler === "function" ? definitions.get(handler) : undefined;
}

export interface HandlerContext<A extends Access, P extends Schema, Q extends Schema, B extends Schema> {
  req: Request;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  principal: A extends "public" ? null : Principal;
  deps: RouteDeps;
  log: Logger;
  requestId: string;
}

/** What Next passes a route handler besides the request. */
type RouteContext = { params: Promise<Record<string, string | string[]>> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler with what every route needs, in this order: a request id; authentication
 * (session cookie or bearer token; skipped for public routes, which authenticate their own way); the
 * admin and session-only checks; CSRF protection for cookie-authenticated writes; the path, query and
 * body checked against their schemas; one JSON log line per request; and the single mapping of errors to
 * `{ error: { code, message } }`. The handler gets the checked values and the process's deps.
 *
 * @example
 * export const GET = apiHandler({ access: "user", params: z.object({ id: z.uuid() }), resource: "Project" }, async ({ params, deps }) =>
 *   Response.json(found(await findProject(await deps.db(), params.id), "Project")),
 * );
 */
export function apiHandler<A extends Access, P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(
  options: HandlerOptions<A, P, Q, B>,
  handle: (ctx: HandlerContext<A, P, Q, B>) => Promise<Response>,
) {
  const { access } = options;
  const handler = async (req: Request, route: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const log = createLogger({ request_id: requestId });
    const url = new URL(req.url);
    const deps = routeDeps(log);
    let principal: Principal | null = null;
    let response: Response;
    try {
      if (access !== "public") {
        principal = await authenticateRequest(req, deps, log);
        if (!principal) throw unauthorized();
      }
      if (principal?.token?.scope === "read" && !SAFE_METHODS.has(req.method)) {
        throw new AppError(403, "read_only_token", "This API token is read-only: it can only make GET requests");
      }
      if (access === "admin" && principal?.role !== "admin") throw forbidden();
      if (access === "session" && principal?.via !== "session") {
        throw new AppError(403, "session_required", "This needs you signed in to the app: an API token cannot do it");
      }
      if (principal?.via === "session" && !SAFE_METHODS.has(req.method)) assertSameOrigin(req, url);
      const params = await parseParams(options, route);
      const query = options.query?.parse(Object.fromEntries(url.searchParams));
      const body = options.body ? await readJson(req, options.body, options.bodyLimit) : undefined;
      response = await handle({
        req,
        // Each is the schema's output when the schema is given, else undefined: what Parsed<> says.
        params: params as Parsed<P>,
        query: query as Parsed<Q>,
        body: body as Parsed<B>,
        principal: principal as HandlerContext<A, P, Q, B>["principal"],
        deps,
        log,
        requestId,
      });
    } catch (error) {
      response = toErrorResponse(error, log);
    } finally {
      processBodyBudget().release(req);
    }
    // Response.redirect() answers carry immutable headers: copy before tagging.
    if (response.status >= 300 && response.status < 400) response = new Response(response.body, response);
    response.headers.set("x-request-id", requestId);
    log.info("request", {
      method: req.method,
      path: url.pathname,
      status: response.status,
      duration_ms: Math.round(performance.now() - started),
      user_id: principal?.userId,
      auth: principal?.via,
    });
    await responseObserver()?.(handler, req, response.clone());
    return response;
  };
  definitions.set(handler, options);
  noteRouteDeclared();
  return handler;
}

async function parseParams(options: { params?: z.ZodType; resource?: string }, route: RouteContext | undefined): Promise<unknown> {
  if (!options.params) return undefined;
  const parsed = options.params.safeParse((await route?.params) ?? {});
  if (!parsed.success) throw notFound(options.resource ?? "This resource");
  return parsed.data;
}

/** Cookie-authenticated writes must come from our own pages: browsers always send Origin on them. */
function assertSameOrigin(req: Request, url: URL) {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  // `Origin: null` (sandboxed frames, file:// pages) and other non-URLs are cross-site too.
  if (!origin || URL.parse(origin)?.host !== host) {
    throw new AppError(403, "csrf_rejected", "Cross-site request refused: send the request from the app or use an API token");
  }
}
