import type { ComponentProps } from "react";

import { fieldControl } from "@/components/ui/field-control";
import { cn } from "@/lib/ui/cn";

/** The browser's own select, in the inputs' look: accessible and keyboard-complete for short option lists. */
export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldControl, "h-9 px-2", className)} {...props} />;
}
