import type { ComponentProps } from "react";

import { cn } from "@/lib/ui/cn";

/**
 * A form's or an action's error as a line of text under it, announced at once (role="alert"; `announce={false}`
 * for one that is only read in place). Renders nothing without children, so
 * `<FormError>{mutation.error?.message}</FormError>` needs no guard. A div, not a p, so it can hold
 * `ApiErrorText`'s lines.
 */
export function FormError({
  announce = true,
  className,
  children,
  ...props
}: Omit<ComponentProps<"div">, "role"> & { announce?: boolean }) {
  if (children === undefined || children === null || children === false || children === "") return null;
  return (
    <div role={announce ? "alert" : undefined} className={cn("text-sm text-destructive", className)} {...props}>
      {children}
    </div>
  );
}

/** The quiet counterpart of `FormError`: an action's success as a line of text (role="status"). */
export function FormSuccess({ className, ...props }: Omit<ComponentProps<"p">, "role">) {
  return <p role="status" className={cn("flex items-center gap-1 text-sm text-emerald-700", className)} {...props} />;
}
