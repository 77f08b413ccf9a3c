import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";

import { UsersManager } from "./users-manager";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Users">People and their access are managed by admins.</AdminsOnly>;
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who has signed in, with the role they have now (ADMIN_GITHUB_LOGINS decides) and their working API tokens."
      />
      <UsersManager currentUserId={session.user.id} />
    </>
  );
}
