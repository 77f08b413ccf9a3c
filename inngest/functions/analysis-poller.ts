import "server-only";

import { inngest } from "@/inngest/client";
import { analysisRecorded, analysisRequested } from "@/inngest/events";
import { analysisSettings, defaultAnalysisDeps } from "@/lib/analysis/default-deps";
import { pollerFailedReason } from "@/lib/analysis/failure-reasons";
import { pollAnalysisRun } from "@/lib/analysis/poll-analysis-run";
import { recordAnalysisOutcome } from "@/lib/analysis/record-analysis-outcome";
import { timeOutAnalysis } from "@/lib/analysis/time-out-analysis";
import { getConfig } from "@/lib/config";

/**
 * The durable path home for one analysis attempt: wait for a result recorded by the callback or the
 * workflow_run webhook; if none comes within the interval, poll the run (its result artifact; its status every
 * RUN_STATUS_EVERY_POLLS-th time) and record the result once there is one; stop at the timeout with "timed
 * out". One active poller per feature: a new attempt cancels the old one.
 */
export const analysisPoller = inngest.createFunction(
  {
    id: "analysis-poller",
    name: "Analysis poller",
    retries: 5,
    singleton: { key: "event.data.feature_id", mode: "cancel" },
    triggers: [analysisRequested],
    onFailure: async ({ event, error }) => {
      const data = analysisRequested.schema.parse(event.data.event.data);
      await recordAnalysisOutcome(await defaultAnalysisDeps(), {
        featureId: data.feature_id,
        correlationId: data.correlation_id,
        source: "polling",
        outcome: { status: "failed", error: pollerFailedReason(error.message) },
      });
    },
  },
  async ({ event, step }) => {
    const { data } = event;
    const settings = analysisSettings(getConfig());
    const interval = settings.pollIntervalSeconds * 1000;
    const deadline = Date.parse(data.requested_at) + settings.pollTimeoutSeconds * 1000;
    let lastCheckedAt = Date.parse(data.requested_at);
    let runId = data.run_id;
    let etag: string | undefined;
    let artifactEtag: string | undefined;

    for (let poll = 0; ; poll++) {
      // With a callback on its way, give it the grace period before spending API calls on polling.
      const wait = poll === 0 && data.callback ? Math.max(interval, settings.webhookGraceSeconds * 1000) : interval;
      const waitSeconds = Math.max(1, Math.ceil(Math.min(wait, deadline - lastCheckedAt) / 1000));
      const recorded = await step.waitForEvent(`wait for result ${poll}`, {
        event: analysisRecorded.name,
        timeout: `${waitSeconds}s`,
        if: `async.data.correlation_id == "${data.correlation_id}"`,
      });
      if (recorded) return { outcome: "recorded", polls: poll };

      const result = await step.run(`poll ${poll}`, async () =>
        pollAnalysisRun(await defaultAnalysisDeps(), {
          featureId: data.feature_id,
          correlationId: data.correlation_id,
          runId,
          poll,
          etag,
          artifactEtag,
        }),
      );
      if (result.state === "settled") return { outcome: "settled", polls: poll + 1 };
      if (result.state === "running") ({ runId, etag, artifactEtag } = result);
      lastCheckedAt = Date.parse(result.checkedAt);

      if (lastCheckedAt >= deadline) {
        await step.run("time out", async () =>
          timeOutAnalysis(await defaultAnalysisDeps(), { featureId: data.feature_id, correlationId: data.correlation_id }),
        );
        return { outcome: "timed out", polls: poll + 1 };
      }
      if (result.state === "transient" && result.retryAt && Date.parse(result.retryAt) > lastCheckedAt + interval) {
        await step.sleepUntil(`rate limited ${poll}`, result.retryAt);
        lastCheckedAt = Date.parse(result.retryAt);
      }
    }
  },
);
