import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";

import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";

/** What a member sees on an admin page: its title, and why there is nothing else. */
export function AdminsOnly({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={ShieldAlert} title="Admins only">
        {children}
      </EmptyState>
    </>
  );
}
