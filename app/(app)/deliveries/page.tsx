import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";

import { DeliveryLog } from "./delivery-log";

export const metadata: Metadata = { title: "Deliveries" };

/** The outbound delivery log; `?endpoint_id=` (linked from Settings → Outbound webhooks) preselects an endpoint. */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Deliveries">The outbound webhook delivery log is visible to admins.</AdminsOnly>;
  }
  const { endpoint_id: endpointId } = await searchParams;
  return (
    <>
      <PageHeader title="Deliveries" description="Every outbound webhook delivery to your endpoints, attempt by attempt. Live." />
      <DeliveryLog initialEndpoint={typeof endpointId === "string" ? endpointId : undefined} />
    </>
  );
}
