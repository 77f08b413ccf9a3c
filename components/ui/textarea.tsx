import type { ComponentProps } from "react";

import { fieldControl, textFieldControl } from "@/components/ui/field-control";
import { cn } from "@/lib/ui/cn";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldControl, textFieldControl, "min-h-20 py-2", className)} {...props} />;
}
