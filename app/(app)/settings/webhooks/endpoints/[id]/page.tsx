import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";

import { EndpointDetail } from "./endpoint-detail";

export const metadata: Metadata = { title: "Webhook endpoint" };

/** Settings → Outbound webhooks → one endpoint: its health, its recent deliveries, pause/resume and send test. */
export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Webhook endpoint">Outbound webhook endpoints are managed by admins.</AdminsOnly>;
  }
  const { id } = await params;
  return <EndpointDetail id={decodeURIComponent(id)} />;
}
