import { FileQuestion } from "lucide-react";
import type { ReactNode } from "react";

import { BackLink } from "@/components/shell/back-link";
import { EmptyState } from "@/components/shell/empty-state";
import { QueryStatus } from "@/components/ui/query-status";
import { ApiClientError } from "@/lib/ui/api-client";

/**
 * A detail page before its record is there: the link back to the list, then loading, the error, or, for a 404,
 * `notFoundTitle` with `children` saying why.
 */
export function DetailFallback({
  query,
  backHref,
  backLabel,
  what,
  notFoundTitle,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: Error | null };
  backHref: string;
  backLabel: string;
  what: string;
  notFoundTitle: string;
  children: ReactNode;
}) {
  return (
    <>
      <BackLink href={backHref}>{backLabel}</BackLink>
      {query.error instanceof ApiClientError && query.error.status === 404 ? (
        <EmptyState icon={FileQuestion} title={notFoundTitle}>
          {children}
        </EmptyState>
      ) : (
        <QueryStatus query={query} what={what} />
      )}
    </>
  );
}
