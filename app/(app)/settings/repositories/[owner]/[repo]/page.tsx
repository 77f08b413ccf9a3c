import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";

import { RepositorySettingsPanel } from "./repository-settings-panel";

export const metadata: Metadata = { title: "Repository" };

export default async function RepositoryPage({ params }: { params: Promise<{ owner: string; repo: string }> }) {
  const { owner, repo } = await params;
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title={`${owner}/${repo}`}>Repository callback keys and workflow settings are managed by admins.</AdminsOnly>;
  }
  return <RepositorySettingsPanel repository={`${owner}/${repo}`} />;
}
