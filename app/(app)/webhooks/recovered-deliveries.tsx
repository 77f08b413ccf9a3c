"use client";

import { useQuery } from "@tanstack/react-query";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import type { listWebhookRecoveries } from "@/lib/github-webhooks/list-webhook-recoveries";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

type Recovery = Awaited<ReturnType<typeof listWebhookRecoveries>>[number];

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
          <table className="w-full text-sm" data-testid="webhook-recoveries">
            <thead className="text-left text-muted-foreground">
              <tr className="border-b border-border">
                <th className="py-2 font-medium">Event</th>
                <th className="py-2 font-medium">Delivery</th>
                <th className="py-2 font-medium">Failed at GitHub</th>
                <th className="py-2 font-medium">Asked again</th>
                <th className="py-2 font-medium">Outcome</th>
                <th className="py-2 font-medium">Arrived</th>
              </tr>
            </thead>
            <tbody>
              {recoveries.data.map((recovery) => (
                <tr key={recovery.delivery_id} className="border-b border-border last:border-0">
                  <td className="py-2">
                    <code className="text-xs font-medium">{recovery.event_type}</code>
                    {recovery.action && <span className="text-muted-foreground"> · {recovery.action}</span>}
                  </td>
                  <td className="py-2 font-mono text-xs text-muted-foreground" title={recovery.guid}>
                    {recovery.guid.slice(0, 8)}
                  </td>
                  <td className="py-2">
                    <RelativeTime value={recovery.delivered_at} />
                  </td>
                  <td className="py-2">
                    <RelativeTime value={recovery.requested_at} />
                  </td>
                  <td className="py-2">{recovery.outcome}</td>
                  <td className="py-2">
                    <StatusBadge status={recovery.arrived ? "arrived" : "waiting"} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardContent>
    </Card>
  );
}
