import { Send } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Deliveries" };

export default function DeliveriesPage() {
  return (
    <>
      <PageHeader title="Deliveries" description="Outbound webhook deliveries to your endpoints, attempt by attempt." />
      <EmptyState icon={Send} title="No deliveries yet">
        Deliveries to the endpoints configured in config/webhooks.yaml appear here.
      </EmptyState>
    </>
  );
}
