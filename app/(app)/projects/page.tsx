import type { Metadata } from "next";

import { PageShell } from "@/components/shell/page-shell";

import { ProjectList } from "./project-list";
import { TrackProjectForm } from "./track-project-form";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <PageShell title="Projects" description="Repositories tracked through the GitHub App: plan progress, pull requests and issues, live.">
      <TrackProjectForm />
      <ProjectList />
    </PageShell>
  );
}
