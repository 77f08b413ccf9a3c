import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";

import { RepositoryList } from "./repository-list";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Repositories">Repository callback keys and workflow settings are managed by admins.</AdminsOnly>;
  }
  return <RepositoryList />;
}
