/** An error a client can cause: carries the code and HTTP status the API answers with. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found`);
export const unauthorized = (message = "Sign in or send Authorization: Bearer <token>") =>
  new AppError(401, "unauthorized", message);
export const forbidden = (message = "This needs the admin role") => new AppError(403, "forbidden", message);
