"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { githubWebhookHourly } from "@/lib/github-webhooks/github-webhook-hourly";

type Hour = Awaited<ReturnType<typeof githubWebhookHourly>>[number];

const hourOfDay = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
// The legend reads in drawing order (it sorts alphabetically by default).
const SERIES_ORDER = ["succeeded", "failed", "rate"];
const AXIS = { fontSize: 12, fill: "var(--color-muted-foreground)" };

/** Stacked bars of deliveries per hour (succeeded, failed) under a line of the hour's success rate. */
export function HourlyChart({ hourly }: { hourly: Hour[] }) {
  const data = hourly.map((hour) => ({
    hour: hourOfDay.format(new Date(hour.hour)),
    succeeded: hour.total - hour.failed,
    failed: hour.failed,
    // Hours without events have no rate: the line breaks there rather than dropping to 0 %.
    rate: hour.success_rate === null ? null : Math.round(hour.success_rate * 1000) / 10,
  }));

  return (
    <div className="h-56 w-full" data-testid="hourly-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey="hour" tick={AXIS} stroke="var(--color-border)" interval={2} />
          <YAxis yAxisId="events" allowDecimals={false} tick={AXIS} stroke="var(--color-border)" />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 100]}
            ticks={[0, 50, 100]}
            tickFormatter={(value: number) => `${value}%`}
            tick={AXIS}
            stroke="var(--color-border)"
          />
          <Tooltip formatter={(value, name) => (name === "Success rate" ? `${value}%` : value)} />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => SERIES_ORDER.indexOf(String(item.dataKey))} />
          <Bar
            yAxisId="events"
            dataKey="succeeded"
            name="Succeeded"
            stackId="events"
            fill="var(--color-primary)"
            isAnimationActive={false}
          />
          <Bar
            yAxisId="events"
            dataKey="failed"
            name="Failed"
            stackId="events"
            fill="var(--color-destructive)"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="rate"
            name="Success rate"
            stroke="#059669"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
