import type { Metadata } from "next";

import { PageHeader } from "@/components/shell/page-header";

import { ProjectList } from "./project-list";
import { TrackProjectForm } from "./track-project-form";

export const metadata: Metadata = { title: "Projects" };

export default function ProjectsPage() {
  return (
    <>
      <PageHeader
        title="Projects"
        description="Repositories tracked through the GitHub App: plan progress, pull requests and issues, live."
      />
      <div className="flex flex-col gap-6">
        <TrackProjectForm />
        <ProjectList />
      </div>
    </>
  );
}
