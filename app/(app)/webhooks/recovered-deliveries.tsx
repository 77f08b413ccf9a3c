"use client";

import { useQuery } from "@tanstack/react-query";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";
import { SimpleTable, SimpleTableRow, SimpleTableTimeCell } from "@/components/ui/simple-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { listWebhookRecoveries } from "@/lib/github-webhooks/list-webhook-recoveries";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

import { EventName } from "./event-name";

type Recovery = Awaited<ReturnType<typeof listWebhookRecoveries>>[number];

const RECOVERY_COLUMNS = ["Event", "Delivery", "Failed at GitHub", "Asked again", "Outcome", "Arrived"];

/** Deliveries GitHub gave up on that we never recorded, which the recovery job asked GitHub to send again. */
export function RecoveredDeliveries() {
  const recoveries = useQuery({
    queryKey: queryKeys.webhookRecoveries,
    queryFn: () => apiFetch<{ data: Recovery[] }>("/webhooks/github/recoveries").then((body) => body.data),
    refetchInterval: 5000,
  });

  return (
    <Card role="region" aria-labelledby="recoveries-heading">
      <CardHeader>
        <CardTitle id="recoveries-heading" className="text-base">
          Recovered deliveries
        </CardTitle>
        <CardDescription>
          GitHub never retries a failed delivery. A background job compares GitHub&apos;s delivery log with ours and asks for every missed
          one again, within GitHub&apos;s three-day window.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <QueryStatus query={recoveries} what="recovered deliveries" />
        {recoveries.data?.length === 0 && <p className="text-sm text-muted-foreground">No missed deliveries so far.</p>}
        {recoveries.data && recoveries.data.length > 0 && (
          <SimpleTable columns={RECOVERY_COLUMNS} testId="webhook-recoveries">
            {recoveries.data.map((recovery) => (
              <SimpleTableRow key={recovery.delivery_id}>
                <td className="py-2">
                  <EventName type={recovery.event_type} action={recovery.action} />
                </td>
                <td className="py-2 font-mono text-xs text-muted-foreground" title={recovery.guid}>
                  {recovery.guid.slice(0, 8)}
                </td>
                <SimpleTableTimeCell value={recovery.delivered_at} />
                <SimpleTableTimeCell value={recovery.requested_at} />
                <td className="py-2">{recovery.outcome}</td>
                <td className="py-2">
                  <StatusBadge status={recovery.arrived ? "arrived" : "waiting"} />
                </td>
              </SimpleTableRow>
            ))}
          </SimpleTable>
        )}
      </CardContent>
    </Card>
  );
}
