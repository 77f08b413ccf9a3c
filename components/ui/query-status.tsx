import { Loader2 } from "lucide-react";

import { cn } from "@/lib/ui/cn";

/** The loading and error states of a list fetched with react-query: one look everywhere. */
export function QueryStatus({
  query,
  what,
  className,
}: {
  query: { isPending: boolean; isError: boolean; error: Error | null };
  what: string;
  className?: string;
}) {
  if (query.isPending) {
    return (
      <p className={cn("flex items-center gap-2 text-sm text-muted-foreground", className)}>
        <Loader2 className="size-4 animate-spin" /> Loading {what}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <p role="alert" className={cn("text-sm text-destructive", className)}>
        Could not load {what}: {query.error?.message}
      </p>
    );
  }
  return null;
}
