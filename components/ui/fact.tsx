import type { ReactNode } from "react";

/** One "term value" pair in a detail page's `<dl>` summary line. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <dt className="text-muted-foreground">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
