import type { Metadata } from "next";

import { PageShell } from "@/components/shell/page-shell";

import { FeatureList } from "./feature-list";
import { NewFeatureForm } from "./new-feature-form";

export const metadata: Metadata = { title: "Features" };

export default function FeaturesPage() {
  return (
    <PageShell title="Features" description="Write features and ask GitHub Actions for an analysis.">
      <NewFeatureForm />
      <FeatureList />
    </PageShell>
  );
}
