import { cva } from "class-variance-authority";
import { CircleAlert, CircleCheck, TriangleAlert, X } from "lucide-react";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";

const alertVariants = cva("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm", {
  variants: {
    variant: {
      success: "border-emerald-200 bg-emerald-50 text-emerald-900",
      error: "border-red-200 bg-red-50 text-red-900",
      warning: "border-amber-300 bg-amber-50 text-amber-900",
    },
  },
});

const ICONS = { success: CircleCheck, error: CircleAlert, warning: TriangleAlert };

/**
 * A banner above a page's content. An error is announced at once (role="alert"), a success or warning
 * politely (role="status"). `onDismiss` adds a close button.
 */
export function Alert({
  variant,
  onDismiss,
  className,
  children,
  ...props
}: Omit<ComponentProps<"div">, "role"> & { variant: keyof typeof ICONS; onDismiss?: () => void }) {
  const Icon = ICONS[variant];
  return (
    <div role={variant === "error" ? "alert" : "status"} className={cn(alertVariants({ variant }), className)} {...props}>
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
      {onDismiss && (
        <Button variant="ghost" size="icon" className="-my-1.5 -mr-2 size-7 hover:bg-black/5" aria-label="Dismiss" onClick={onDismiss}>
          <X />
        </Button>
      )}
    </div>
  );
}
