import { ApiError } from "@/lib/api-error";

/** An API route's error as the browser receives it. */
export class ApiClientError extends ApiError {}

/** One page of a keyset-paginated list, as every list route answers it. */
export type KeysetPage<T> = { data: T[]; next_cursor: string | null };

/** fetch for the app's own JSON API from the browser (session cookie; same origin, so CSRF checks pass). */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!response.ok) {
    throw new ApiClientError(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `Request failed (${response.status})`,
      body?.error?.details,
    );
  }
  return body as T;
}
