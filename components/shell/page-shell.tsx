import type { ReactNode } from "react";

import { PageHeader } from "@/components/shell/page-header";

/** A page: its header, then its sections stacked one under the other. */
export function PageShell({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <div className="flex flex-col gap-6">{children}</div>
    </>
  );
}
