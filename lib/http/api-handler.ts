import { randomUUID } from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { AppError, forbidden, unauthorized } from "@/lib/errors";
import { createLogger, type Logger } from "@/lib/log";
import { authenticateRequest } from "./authenticate-request";
import { toErrorResponse } from "./errors";

/** Who may call: anyone; any user by session or API token; a person signed in to the app only (not a script); admins. */
export type Access = "public" | "user" | "session" | "admin";

export interface HandlerContext<Params, A extends Access> {
  req: Request;
  params: Params;
  principal: A extends "public" ? null : Principal;
  log: Logger;
  requestId: string;
}

type RouteContext<Params> = { params: Promise<Params> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler with what every route needs: a request id, authentication (session cookie or
 * bearer token; skipped for public routes, which authenticate their own way), the admin check, CSRF protection for cookie-authenticated mutations, one JSON log line
 * per request, and the single mapping of errors to `{ error: { code, message } }`.
 */
export function apiHandler<Params = Record<string, string | string[]>, A extends Access = "user">(
  access: A,
  handle: (ctx: HandlerContext<Params, A>) => Promise<Response>,
) {
  return async (req: Request, route: RouteContext<Params>): Promise<Response> => {
    const started = performance.now();
    const requestId = req.headers.get("x-request-id") ?? randomUUID();
    const log = createLogger({ request_id: requestId });
    const url = new URL(req.url);
    let principal: Principal | null = null;
    let response: Response;
    try {
      if (access !== "public") {
        principal = await authenticateRequest(req);
        if (!principal) throw unauthorized();
      }
      if (access === "admin" && principal?.role !== "admin") throw forbidden();
      if (access === "session" && principal?.via !== "session") {
        throw new AppError(403, "session_required", "This needs you signed in to the app: an API token cannot do it");
      }
      if (principal?.via === "session" && !SAFE_METHODS.has(req.method)) assertSameOrigin(req, url);
      const params = (await route.params) ?? ({} as Params);
      response = await handle({ req, params, principal: principal as HandlerContext<Params, A>["principal"], log, requestId });
    } catch (error) {
      response = toErrorResponse(error, log);
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
    return response;
  };
}

/** Cookie-authenticated writes must come from our own pages: browsers always send Origin on them. */
function assertSameOrigin(req: Request, url: URL) {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  if (!origin || new URL(origin).host !== host) {
    throw new AppError(403, "csrf_rejected", "Cross-site request refused: send the request from the app or use an API token");
  }
}
