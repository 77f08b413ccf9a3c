import type { Metadata } from "next";

import { FeatureDetail } from "./feature-detail";

export const metadata: Metadata = { title: "Feature" };

export default async function FeaturePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <FeatureDetail id={id} />;
}
