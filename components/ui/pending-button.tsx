import { Loader2, type LucideIcon } from "lucide-react";
import type { ComponentProps } from "react";

import { Button } from "@/components/ui/button";

/** A button that starts a mutation: its `icon` turns into a spinner while `pending`, and it is disabled then unless `disabled` says otherwise. */
export function PendingButton({
  pending,
  icon: Icon,
  disabled,
  children,
  ...props
}: ComponentProps<typeof Button> & { pending: boolean; icon: LucideIcon }) {
  return (
    <Button disabled={disabled ?? pending} {...props}>
      {pending ? <Loader2 className="animate-spin" /> : <Icon />}
      {children}
    </Button>
  );
}
