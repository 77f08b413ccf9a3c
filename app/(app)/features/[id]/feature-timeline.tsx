import { Ban, CircleCheck, CircleX, CopyX, RefreshCw, Send, TriangleAlert, Webhook, Workflow, type LucideIcon } from "lucide-react";

import { SectionCard } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { FeatureEventKind } from "@/db/schema";
import type { FeatureEventView } from "@/lib/features/feature-view";
import { cn } from "@/lib/ui/cn";

const KINDS: Record<FeatureEventKind, { label: string; icon: LucideIcon; tone: string }> = {
  requested: { label: "Requested", icon: Send, tone: "bg-indigo-50 text-indigo-700" },
  polled: { label: "Polled", icon: RefreshCw, tone: "bg-slate-100 text-slate-600" },
  callback_received: { label: "Callback received", icon: Webhook, tone: "bg-violet-50 text-violet-700" },
  workflow_run_received: { label: "workflow_run received", icon: Workflow, tone: "bg-violet-50 text-violet-700" },
  duplicate_ignored: { label: "Duplicate ignored", icon: CopyX, tone: "bg-slate-100 text-slate-600" },
  transient_error: { label: "GitHub hiccup", icon: TriangleAlert, tone: "bg-amber-50 text-amber-700" },
  completed: { label: "Completed", icon: CircleCheck, tone: "bg-emerald-50 text-emerald-700" },
  failed: { label: "Failed", icon: CircleX, tone: "bg-red-50 text-red-700" },
  cancelled: { label: "Cancelled", icon: Ban, tone: "bg-slate-100 text-slate-600" },
  dispatch_failed: { label: "Not started", icon: CircleX, tone: "bg-red-50 text-red-700" },
};

/** What happened to the feature's analyses, oldest first, so it reads top to bottom like a log. */
export function FeatureTimeline({ events }: { events: FeatureEventView[] }) {
  return (
    <SectionCard title="Timeline">
      {events.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet: events appear here once an analysis is requested.</p>
      ) : (
        <ol className="flex flex-col" data-testid="feature-timeline">
          {events.map((event, index) => {
            const { label, icon: Icon, tone } = KINDS[event.kind];
            return (
              <li key={event.id} data-kind={event.kind} className="relative flex gap-3 pb-4 last:pb-0">
                {index < events.length - 1 && <span aria-hidden className="absolute top-7 bottom-0 left-3.5 w-px bg-border" />}
                <span className={cn("flex size-7 shrink-0 items-center justify-center rounded-full", tone)}>
                  <Icon className="size-3.5" />
                </span>
                <div className="min-w-0 flex-1 text-sm">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">{label}</span>
                    <span className="shrink-0 text-xs text-muted-foreground">
                      <RelativeTime value={event.created_at} />
                    </span>
                  </div>
                  <p className="break-words text-muted-foreground">{event.message}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </SectionCard>
  );
}
