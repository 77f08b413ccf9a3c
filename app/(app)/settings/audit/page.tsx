import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";

import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage() {
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Audit log">The audit log is visible to admins.</AdminsOnly>;
  }
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, when and from where: admin actions, revoked tokens, ended sessions, role changes and refused sign-ins."
      />
      <AuditLog />
    </>
  );
}
