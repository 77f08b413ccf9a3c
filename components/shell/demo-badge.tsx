import { FlaskConical } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { getConfig } from "@/lib/config";
import { githubUrls } from "@/lib/github/github-urls";

/** Shown on every page while GitHub is the built-in simulator; it links to the simulator. */
export function DemoBadge() {
  const config = getConfig();
  if (!config.demoMode) return null;
  const simulator = githubUrls(config).web;
  return (
    <a
      href={simulator}
      target="_blank"
      rel="noreferrer"
      className="rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
    >
      <Badge
        variant="warning"
        data-testid="demo-badge"
        title={`No GitHub credentials are configured: sign-in and GitHub calls use the built-in simulator at ${simulator}`}
      >
        <FlaskConical className="size-3" />
        Demo mode: GitHub is simulated
      </Badge>
    </a>
  );
}
