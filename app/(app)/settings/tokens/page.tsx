import type { Metadata } from "next";

import { PageShell } from "@/components/shell/page-shell";

import { TokensManager } from "./tokens-manager";

export const metadata: Metadata = { title: "API tokens" };

export default function TokensPage() {
  return (
    <PageShell title="API tokens" description="Personal tokens let scripts and CI call /api/v1 as you: send Authorization: Bearer <token>.">
      <TokensManager />
    </PageShell>
  );
}
