import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { FormError } from "@/components/ui/form-message";

/** A destructive action asked for, waiting for a second click: what it does, and the buttons to go on or back out. */
export function Confirmation({
  title,
  error,
  actions,
  children,
}: {
  title: string;
  error?: string;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <Alert variant="error" role="group" aria-label={title}>
      <div className="flex flex-col gap-3">
        <p className="font-medium">{title}</p>
        <div className="opacity-90">{children}</div>
        <FormError>{error}</FormError>
        <div className="flex gap-2">{actions}</div>
      </div>
    </Alert>
  );
}
