import { ApiClientError } from "@/lib/ui/api-client";

type Issue = { path: string; message: string };

const isIssue = (value: unknown): value is Issue =>
  typeof value === "object" && value !== null && typeof (value as Issue).path === "string" && typeof (value as Issue).message === "string";

/**
 * A failed request's message and, should the server judge a form differently from the form itself, the fields
 * its 400 names (`details: [{ path, message }]`), one a line. Nothing without an error.
 */
export function ApiErrorText({ error }: { error: Error | null }) {
  if (!error) return null;
  const issues = error instanceof ApiClientError && Array.isArray(error.details) ? error.details.filter(isIssue) : [];
  return (
    <>
      {error.message}
      {issues.map((issue) => (
        <p key={issue.path}>
          {issue.path}: {issue.message}
        </p>
      ))}
    </>
  );
}
