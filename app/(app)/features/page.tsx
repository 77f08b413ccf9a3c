import type { Metadata } from "next";

import { PageHeader } from "@/components/shell/page-header";

import { FeatureList } from "./feature-list";
import { NewFeatureForm } from "./new-feature-form";

export const metadata: Metadata = { title: "Features" };

export default function FeaturesPage() {
  return (
    <>
      <PageHeader title="Features" description="Write features and ask GitHub Actions for an analysis." />
      <div className="flex flex-col gap-6">
        <NewFeatureForm />
        <FeatureList />
      </div>
    </>
  );
}
