import type { ComponentProps } from "react";

import { cn } from "@/lib/ui/cn";

const STATUS_TONES: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-800 border-emerald-200",
  succeeded: "bg-emerald-50 text-emerald-800 border-emerald-200",
  processed: "bg-emerald-50 text-emerald-800 border-emerald-200",
  failed: "bg-red-50 text-red-800 border-red-200",
  cancelled: "bg-slate-100 text-slate-600 border-slate-200",
  ignored: "bg-slate-100 text-slate-600 border-slate-200",
  pending: "bg-slate-50 text-slate-700 border-slate-300",
  running: "bg-blue-50 text-blue-800 border-blue-200",
  analyzing: "bg-blue-50 text-blue-800 border-blue-200",
  retrying: "bg-amber-50 text-amber-900 border-amber-200",
  sleeping: "bg-violet-50 text-violet-800 border-violet-200",
  waiting: "bg-violet-50 text-violet-800 border-violet-200",
  received: "bg-blue-50 text-blue-800 border-blue-200",
  arrived: "bg-emerald-50 text-emerald-800 border-emerald-200",
  healthy: "bg-emerald-50 text-emerald-800 border-emerald-200",
  degraded: "bg-amber-50 text-amber-900 border-amber-300",
  suspended: "bg-amber-50 text-amber-900 border-amber-300",
  enabled: "bg-emerald-50 text-emerald-800 border-emerald-200",
  active: "bg-emerald-50 text-emerald-800 border-emerald-200",
  disabled: "bg-slate-100 text-slate-600 border-slate-200",
  paused: "bg-amber-50 text-amber-900 border-amber-300",
};

/** Priorities, risk severities and complexity levels share one scale. */
const LEVEL_TONES: Record<string, string> = {
  trivial: "bg-slate-50 text-slate-600 border-slate-200",
  low: "bg-slate-50 text-slate-700 border-slate-300",
  medium: "bg-sky-50 text-sky-800 border-sky-200",
  high: "bg-orange-50 text-orange-800 border-orange-200",
  very_high: "bg-red-50 text-red-800 border-red-200",
  critical: "bg-red-50 text-red-800 border-red-200",
};

const CHIP = "inline-flex shrink-0 items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium";
const NEUTRAL = "border-border bg-muted text-foreground";

/** A status word with a colour that reads at a glance; unknown statuses stay neutral. */
export function StatusBadge({ status, className, ...props }: ComponentProps<"span"> & { status: string }) {
  return (
    <span data-slot="badge" data-status={status} className={cn(CHIP, STATUS_TONES[status] ?? NEUTRAL, className)} {...props}>
      {status}
    </span>
  );
}

/** low … critical (or trivial … very_high), coloured by how much it should worry the reader. */
export function LevelBadge({ level, className }: { level: string; className?: string }) {
  return (
    <span data-slot="badge" data-level={level} className={cn(CHIP, LEVEL_TONES[level] ?? NEUTRAL, className)}>
      {level.replace("_", " ")}
    </span>
  );
}
