"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { ProjectDetailView } from "@/lib/projects/get-project-detail";

const HOUR_MS = 3600_000;
const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23" });

/** Ticks as fine as the span needs: seconds for a burst of pushes, days for a long-lived plan. */
function tickFormat(spanMs: number) {
  if (spanMs < HOUR_MS) return new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  if (spanMs < 24 * HOUR_MS) return new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
}

/** Percent of the plan done at each snapshot; a step, since progress holds until the next push. */
export function ProgressChart({ history }: { history: ProjectDetailView["history"] }) {
  const points = history.map((snapshot) => ({
    at: new Date(snapshot.created_at).getTime(),
    percent: snapshot.percent,
    tasks: `${snapshot.done_tasks} of ${snapshot.total_tasks} tasks`,
  }));
  const first = points[0]?.at ?? 0;
  const last = points.at(-1)?.at ?? 0;
  const tick = tickFormat(last - first);

  return (
    <div className="h-64 w-full" data-testid="progress-chart">
      <ResponsiveContainer>
        <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <defs>
            <linearGradient id="progress-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--color-primary)" stopOpacity={0.3} />
              <stop offset="100%" stopColor="var(--color-primary)" stopOpacity={0.02} />
            </linearGradient>
          </defs>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            // A single snapshot still gets an axis around it rather than a zero-width one.
            domain={first === last ? [first - HOUR_MS, last + HOUR_MS] : [first, last]}
            tickFormatter={(value: number) => tick.format(value)}
            tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
            stroke="var(--color-border)"
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(value: number) => `${value}%`}
            tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
            stroke="var(--color-border)"
          />
          <Tooltip
            labelFormatter={(value) => exact.format(Number(value))}
            formatter={(value, _name, item) => [`${value}% (${(item.payload as (typeof points)[number]).tasks})`, "Done"]}
          />
          <Area
            type="stepAfter"
            dataKey="percent"
            stroke="var(--color-primary)"
            strokeWidth={2}
            fill="url(#progress-fill)"
            dot={{ r: 3, fill: "var(--color-primary)" }}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
