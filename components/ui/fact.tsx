import type { ReactNode } from "react";

import { cn } from "@/lib/ui/cn";

/** One "term value" pair in a detail page's `<dl>` summary line (`className="flex-col …"` to stack them). */
export function Fact({ term, className, children }: { term: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("flex min-w-0 items-center gap-2", className)}>
      <dt className="shrink-0 text-muted-foreground">{term}</dt>
      <dd className="min-w-0 wrap-anywhere">{children}</dd>
    </div>
  );
}
