import { Inbox } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return (
    <>
      <PageHeader title="Webhooks" description="Every event GitHub sent, and how processing went." />
      <EmptyState icon={Inbox} title="No events received yet">
        Events from the GitHub App appear here as they arrive.
      </EmptyState>
    </>
  );
}
