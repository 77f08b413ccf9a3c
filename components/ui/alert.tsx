import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from "lucide-react";
import type { ComponentProps } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";

const alertVariants = cva("flex items-start rounded-lg border text-sm", {
  variants: {
    variant: {
      success: "border-emerald-200 bg-emerald-50 text-emerald-900",
      error: "border-red-200 bg-red-50 text-red-900",
      warning: "border-amber-300 bg-amber-50 text-amber-900",
      info: "border-blue-200 bg-blue-50 text-blue-900",
    },
    size: {
      /** A banner above a page's content. */
      default: "gap-3 px-4 py-3",
      /** A note inside a card or a list row. */
      compact: "gap-2 rounded-md px-3 py-2",
    },
  },
  defaultVariants: { size: "default" },
});

const ICONS = { success: CircleCheck, error: CircleAlert, warning: TriangleAlert, info: Info };

/**
 * A coloured message box: the one place the app's status colours live. What just happened is announced: an
 * error at once (role="alert"), anything else politely (role="status"). A standing fact of the page (a
 * recorded failure, a suspended installation) passes `announce={false}`, and a screen reader reads it in
 * place. An explicit `role` wins over both. `onDismiss` adds a close button.
 */
export function Alert({
  variant,
  size,
  announce = true,
  role,
  onDismiss,
  className,
  children,
  ...props
}: ComponentProps<"div"> & {
  variant: keyof typeof ICONS;
  size?: VariantProps<typeof alertVariants>["size"];
  announce?: boolean;
  onDismiss?: () => void;
}) {
  const Icon = ICONS[variant];
  const liveRole = variant === "error" ? "alert" : "status";
  return (
    <div role={role ?? (announce ? liveRole : undefined)} className={cn(alertVariants({ variant, size }), className)} {...props}>
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
