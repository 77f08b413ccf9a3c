import "server-only";

import { ZodError } from "zod";

import { isDatabaseUnavailable } from "@/db/unavailable";
import { ApiError } from "@/lib/api-error";
import type { Logger } from "@/lib/log";

/** An error a client can cause: carries the code and HTTP status the API answers with. */
export class AppError extends ApiError {
  name = "AppError";
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found`);
export const unauthorized = (message = "Sign in or send Authorization: Bearer <token>") => new AppError(401, "unauthorized", message);
export const forbidden = (message = "This needs the admin role") => new AppError(403, "forbidden", message);

/** The one 404 rule: a lookup that found nothing answers `<what> was not found`. */
export function found<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw notFound(what);
  return value;
}

/** The one shape every client-visible error takes. */
export function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });
}

/** Maps any thrown value to a response: domain errors keep their status, validation is 400, the rest 500 (logged). */
export function toErrorResponse(error: unknown, log: Logger): Response {
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.details);
  if (error instanceof ZodError) {
    return errorResponse(
      400,
      "validation_error",
      "The request is not valid",
      error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  if (isDatabaseUnavailable(error)) {
    log.error("database unavailable", { error });
    const response = errorResponse(503, "database_unavailable", "The database is unavailable; try again shortly");
    response.headers.set("retry-after", "5");
    return response;
  }
  log.error("unhandled error", { error });
  return errorResponse(500, "internal_error", "Something went wrong on our side");
}
