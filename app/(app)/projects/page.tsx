import { FolderKanban } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <>
      <PageHeader title="Projects" description="Repositories tracked through the GitHub App, with plan progress." />
      <EmptyState icon={FolderKanban} title="No tracked projects yet">
        Tracked repositories appear here with the progress of their plan.
      </EmptyState>
    </>
  );
}
