import type { Metadata } from "next";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";
import { getConfig } from "@/lib/config";

import { JobRuns } from "./job-runs";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  const session = await auth();
  const { jobsEngine } = getConfig();
  if (session?.user.role !== "admin") {
    return <AdminsOnly title="Jobs">Background job runs are visible to admins.</AdminsOnly>;
  }
  return (
    <>
      <PageHeader
        title="Jobs"
        description={
          jobsEngine === "embedded"
            ? "Background function runs on the embedded executor: steps, timings, errors. Live."
            : "Functions run on an Inngest server; its dashboard shows their runs."
        }
      />
      {jobsEngine === "embedded" && <JobRuns />}
    </>
  );
}
