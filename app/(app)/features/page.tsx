import { Boxes } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Features" };

export default function FeaturesPage() {
  return (
    <>
      <PageHeader title="Features" description="Write features and ask GitHub Actions for an analysis." />
      <EmptyState icon={Boxes} title="No features yet">
        Features you write appear here with their analysis status.
      </EmptyState>
    </>
  );
}
