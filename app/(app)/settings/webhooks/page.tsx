import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { getConfig } from "@/lib/config";

import { WebhookEndpoints } from "./webhook-endpoints";

export const metadata: Metadata = { title: "Outbound webhooks" };

export default async function WebhookSettingsPage() {
  const session = await auth();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Outbound webhooks">Outbound webhook endpoints are managed by admins.</AdminsOnly>;
  }
  return <WebhookEndpoints configPath={getConfig().WEBHOOKS_CONFIG_PATH} />;
}
