import type { Metadata } from "next";

import { auth } from "@/auth";
import { PageShell } from "@/components/shell/page-shell";

import { EventLog } from "./event-log";
import { RecoveredDeliveries } from "./recovered-deliveries";
import { WebhookHealth } from "./webhook-health";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const session = await auth();
  return (
    <PageShell
      title="Webhooks"
      description="Every event GitHub sent, how processing went, and the deliveries we had to ask for again. Live."
    >
      <WebhookHealth />
      <EventLog canReplay={session?.user.role === "admin"} />
      <RecoveredDeliveries />
    </PageShell>
  );
}
