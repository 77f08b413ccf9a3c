import type { ComponentProps } from "react";

import { cn } from "@/lib/ui/cn";

/** The browser's own select, in the inputs' look: accessible and keyboard-complete for short option lists. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-9 rounded-md border border-border bg-background px-2 text-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        className,
      )}
      {...props}
    />
  );
}
