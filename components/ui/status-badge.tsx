import { cn } from "@/lib/ui/cn";

const TONES: Record<string, string> = {
  completed: "bg-emerald-50 text-emerald-800 border-emerald-200",
  succeeded: "bg-emerald-50 text-emerald-800 border-emerald-200",
  processed: "bg-emerald-50 text-emerald-800 border-emerald-200",
  failed: "bg-red-50 text-red-800 border-red-200",
  cancelled: "bg-slate-100 text-slate-600 border-slate-200",
  ignored: "bg-slate-100 text-slate-600 border-slate-200",
  running: "bg-blue-50 text-blue-800 border-blue-200",
  retrying: "bg-amber-50 text-amber-900 border-amber-200",
  sleeping: "bg-violet-50 text-violet-800 border-violet-200",
  waiting: "bg-violet-50 text-violet-800 border-violet-200",
};

/** A status word with a colour that reads at a glance; unknown statuses stay neutral. */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium",
        TONES[status] ?? "border-border bg-muted text-foreground",
        className,
      )}
    >
      {status}
    </span>
  );
}
