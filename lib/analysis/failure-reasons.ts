// Why an analysis failed, in words for the person who asked for it: what happened and what to do next.
// The workflow run itself is linked next to the reason on the feature's page.

/** A run that completed without a result, by GitHub's conclusion. */
export function runConclusionReason(conclusion: string | null): string {
  switch (conclusion) {
    case "failure":
      return "The analysis workflow failed on GitHub before it produced a result. Open the workflow run to see which step failed, then retry.";
    case "cancelled":
      return "The workflow run was cancelled on GitHub before it produced a result. Retry to run it again.";
    case "timed_out":
      return "The workflow run took longer than GitHub allows and was stopped. Retry, or ask a developer to raise the job's timeout.";
    case "startup_failure":
      return "GitHub could not start the analysis workflow: the workflow file in the repository has an error. Ask a developer to check it.";
    case "action_required":
      return "The workflow run is waiting for someone to approve it on GitHub. Approve it there, or retry.";
    default:
      return `The workflow run ended without a result (GitHub reports "${conclusion ?? "no conclusion"}"). Open the run for details, then retry.`;
  }
}

/** No result by the polling timeout. */
export function timedOutReason(timeoutSeconds: number): string {
  const minutes = Math.max(1, Math.round(timeoutSeconds / 60));
  return `No result arrived within ${minutes} minute${minutes === 1 ? "" : "s"}, so Hooksmith stopped waiting. The run may still be queued on GitHub: open it to see, then retry.`;
}

/** The background job following the analysis failed for good. */
export function pollerFailedReason(detail: string): string {
  return `Hooksmith lost track of the analysis after an internal error (${detail}). Retry to run it again.`;
}

/** The background job following the analysis was cancelled (from the Jobs page, the API or Inngest). */
export const POLLER_CANCELLED_REASON = "the background job following it was cancelled";
