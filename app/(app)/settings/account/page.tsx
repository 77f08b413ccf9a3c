import type { Metadata } from "next";

import { PageHeader } from "@/components/shell/page-header";

import { AccountSettings } from "./account-settings";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <>
      <PageHeader title="Account" description="Who you are in Hooksmith, how you sign in, and deleting your account." />
      <AccountSettings />
    </>
  );
}
