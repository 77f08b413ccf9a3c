import type { ReactNode } from "react";

import { RelativeTime } from "@/components/ui/relative-time";
import { cn } from "@/lib/ui/cn";

/** One entry of a history list: what happened, wrapping as needed, then when (`timeClassName="ml-auto"` pushes it right). */
export function ActivityItem({
  time,
  className,
  timeClassName,
  children,
}: {
  time: string | null;
  className?: string;
  timeClassName?: string;
  children: ReactNode;
}) {
  return (
    <li className={cn("flex flex-wrap items-center gap-x-3 gap-y-1", className)}>
      {children}
      <span className={cn("text-muted-foreground", timeClassName)}>
        <RelativeTime value={time} />
      </span>
    </li>
  );
}
