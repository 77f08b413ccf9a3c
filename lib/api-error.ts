/**
 * The error every API route answers with, `{ error: { code, message, details? } }` and its status: thrown
 * on the server (AppError) and rebuilt from a response in the browser (ApiClientError). No server imports,
 * so both sides can share it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Validation errors carry `[{ path, message }]` here. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}
