import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/db/unavailable";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";

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
