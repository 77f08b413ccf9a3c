import { FlaskConical } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { getConfig } from "@/lib/config";

/** Shown on every page while GitHub is the built-in simulator. */
export function DemoBadge() {
  if (!getConfig().demoMode) return null;
  return (
    <Badge
      variant="warning"
      data-testid="demo-badge"
      title="No GitHub credentials are configured: sign-in and GitHub calls use the built-in simulator"
    >
      <FlaskConical className="size-3" />
      Demo mode: GitHub is simulated
    </Badge>
  );
}
