import "server-only";

import type { RequestError } from "@octokit/request-error";

/**
 * The error as Octokit's RequestError, or undefined. Checked by shape, not `instanceof`: a bundler may
 * load @octokit/request-error twice (once for Octokit, once for us), and the classes then differ.
 */
export function githubRequestError(error: unknown): RequestError | undefined {
  const candidate = error as Partial<RequestError> | null;
  return candidate && typeof candidate === "object" && candidate.name === "HttpError" && typeof candidate.status === "number"
    ? (candidate as RequestError)
    : undefined;
}

export interface TransientGithubError {
  /** When to try again: a rate limit's reset or retry-after, else after the normal interval. */
  retryAt?: Date;
  reason: string;
}

/**
 * Whether a failed GitHub call is worth retrying, and when: server errors, network failures, and primary
 * (403/429 with x-ratelimit-remaining: 0) or secondary (retry-after) rate limits. Anything else is a real refusal.
 */
export function transientGithubError(thrown: unknown, now = new Date()): TransientGithubError | undefined {
  const error = githubRequestError(thrown);
  if (!error) {
    return thrown instanceof TypeError || isNetworkError(thrown) ? { reason: `network error: ${(thrown as Error).message}` } : undefined;
  }
  const headers = error.response?.headers ?? {};
  const retryAfter = Number(headers["retry-after"]);
  if ((error.status === 403 || error.status === 429) && Number.isFinite(retryAfter) && headers["retry-after"] !== undefined) {
    return { reason: `secondary rate limit (${error.status})`, retryAt: new Date(now.getTime() + retryAfter * 1000) };
  }
  if ((error.status === 403 || error.status === 429) && headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    return { reason: `rate limit exceeded (${error.status})`, retryAt: Number.isFinite(reset) ? new Date(reset * 1000) : undefined };
  }
  if (error.status === 429) return { reason: "too many requests (429)" };
  if (error.status >= 500 || error.status === 0) return { reason: `GitHub answered ${error.status}` };
  return undefined;
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|UND_ERR_)/.test(code);
}

/** GitHub's own message for a refused call, for people to read. */
export function githubErrorMessage(thrown: unknown): string {
  const error = githubRequestError(thrown);
  if (error) {
    const message = (error.response?.data as { message?: string } | undefined)?.message ?? error.message;
    return `GitHub answered ${error.status}: ${message}`;
  }
  return thrown instanceof Error ? thrown.message : String(thrown);
}
