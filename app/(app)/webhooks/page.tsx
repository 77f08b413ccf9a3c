import type { Metadata } from "next";

import { PageHeader } from "@/components/shell/page-header";

import { EventLog } from "./event-log";
import { RecoveredDeliveries } from "./recovered-deliveries";
import { WebhookHealth } from "./webhook-health";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Every event GitHub sent, how processing went, and the deliveries we had to ask for again. Live."
      />
      <div className="flex flex-col gap-6">
        <WebhookHealth />
        <EventLog />
        <RecoveredDeliveries />
      </div>
    </>
  );
}
