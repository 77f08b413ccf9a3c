"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { ProjectDetailView } from "@/lib/projects/get-project-detail";

const HOUR_MS = 3600_000;
const exact = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", hourCycle: "h23" });

/** Ticks as fine as the span needs: seconds for a burst of pushes, days for a long-lived plan. */
function tickFormat(spanMs: number) {
  if (spanMs < HOUR_MS) return new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  if (spanMs < 24 * HOUR_MS) return new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
}

/**
 * Tasks done and tasks in the plan at each snapshot, as steps (progress holds until the next push). Both
 * lines, not a percentage: ticking a task and deleting the unfinished ones raise the percentage alike, but
 * only the first raises "done".
 */
export function ProgressChart({ history }: { history: ProjectDetailView["history"] }) {
  const points = history.map((snapshot) => ({
    at: new Date(snapshot.created_at).getTime(),
    done: snapshot.done_tasks,
    total: snapshot.total_tasks,
    percent: snapshot.percent,
  }));
  const first = points[0]?.at ?? 0;
  const last = points.at(-1)?.at ?? 0;
  const tick = tickFormat(last - first);
  const latest = points.at(-1);

  return (
    <figure className="flex flex-col gap-2" aria-label="Tasks done and tasks in the plan over time">
      {latest && (
        <figcaption className="text-sm text-muted-foreground" data-testid="progress-chart-caption">
          Now <span className="font-medium text-foreground tabular-nums">{latest.done}</span> of{" "}
          <span className="font-medium text-foreground tabular-nums">{latest.total}</span> tasks done ({latest.percent}%)
        </figcaption>
      )}
      <div className="h-64 w-full" data-testid="progress-chart">
        <ResponsiveContainer>
          <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
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
              allowDecimals={false}
              domain={[0, "dataMax"]}
              tick={{ fontSize: 12, fill: "var(--color-muted-foreground)" }}
              stroke="var(--color-border)"
            />
            <Tooltip
              labelFormatter={(value) => exact.format(Number(value))}
              formatter={(value, name) => [value, name === "total" ? "Tasks in the plan" : "Tasks done"]}
            />
            <Legend formatter={(name) => (name === "total" ? "Tasks in the plan" : "Tasks done")} wrapperStyle={{ fontSize: 12 }} />
            <Area
              type="stepAfter"
              dataKey="total"
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 3"
              strokeWidth={1.5}
              fill="none"
              dot={false}
              isAnimationActive={false}
            />
            <Area
              type="stepAfter"
              dataKey="done"
              stroke="var(--color-primary)"
              strokeWidth={2}
              fill="url(#progress-fill)"
              dot={{ r: 3, fill: "var(--color-primary)" }}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
