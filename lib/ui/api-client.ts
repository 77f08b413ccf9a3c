/** The error body every API route answers with. */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** fetch for the app's own JSON API from the browser (session cookie; same origin, so CSRF checks pass). */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
  });
  const body = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!response.ok) {
    throw new ApiClientError(response.status, body?.error?.code ?? "http_error", body?.error?.message ?? `Request failed (${response.status})`);
  }
  return body as T;
}
