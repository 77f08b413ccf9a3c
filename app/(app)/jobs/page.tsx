import type { Metadata } from "next";
import { Suspense } from "react";

import { auth } from "@/auth";
import { AdminsOnly } from "@/components/shell/admins-only";
import { PageHeader } from "@/components/shell/page-header";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { getConfig } from "@/lib/config";
import { registerFunctions } from "@/lib/jobs/embedded/register-functions";

import { JobRuns } from "./job-runs";

/** The app's functions by the ids runs carry, named as they are declared: fixed at build, read once. */
const JOB_FUNCTIONS = [...registerFunctions(inngest.id, functions).values()]
  .map((fn) => ({ id: fn.id, name: fn.name }))
  .sort((a, b) => a.name.localeCompare(b.name));

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
      {jobsEngine === "embedded" && (
        // useSearchParams (the open run) needs a Suspense boundary.
        <Suspense>
          <JobRuns functions={JOB_FUNCTIONS} />
        </Suspense>
      )}
    </>
  );
}
