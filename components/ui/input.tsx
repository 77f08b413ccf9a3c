import type { ComponentProps } from "react";

import { fieldControl, textFieldControl } from "@/components/ui/field-control";
import { cn } from "@/lib/ui/cn";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(fieldControl, textFieldControl, "h-9 py-1", className)} {...props} />;
}
