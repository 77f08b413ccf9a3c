import type { Metadata } from "next";

import { PageHeader } from "@/components/shell/page-header";

import { TokensManager } from "./tokens-manager";

export const metadata: Metadata = { title: "API tokens" };

export default function TokensPage() {
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and CI call /api/v1 as you: send Authorization: Bearer <token>."
      />
      <TokensManager />
    </>
  );
}
