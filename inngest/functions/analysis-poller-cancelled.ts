import "server-only";

import { inngest } from "@/inngest/client";
import { analysisRequested } from "@/inngest/events";
import { abandonAnalysis } from "@/lib/analysis/abandon-analysis";
import { defaultAnalysisDeps } from "@/lib/analysis/default-deps";
import { POLLER_CANCELLED_REASON } from "@/lib/analysis/failure-reasons";

import { analysisPoller } from "./analysis-poller";

/** Inngest's id of the poller, as events name it: the app id and the function id, hyphenated. */
const POLLER_ID = analysisPoller.id(inngest.id);

/**
 * When a poller run is cancelled (from the Jobs page, the jobs API or Inngest's dashboard) its analysis
 * would stay `analyzing` with nobody waiting for the result: end that attempt so the feature can be
 * analyzed again. A poller cancelled because a newer attempt replaced it finds its attempt no longer
 * current and changes nothing.
 */
export const analysisPollerCancelled = inngest.createFunction(
  {
    id: "analysis-poller-cancelled",
    name: "Analysis poller cancelled",
    retries: 5,
    triggers: [{ event: "inngest/function.cancelled", if: `event.data.function_id == '${POLLER_ID}'` }],
  },
  async ({ event, step }) => {
    const requested = analysisRequested.schema.parse((event.data as { event: { data: unknown } }).event.data);
    const ended = await step.run("end the attempt", async () =>
      abandonAnalysis(await defaultAnalysisDeps(), {
        featureId: requested.feature_id,
        correlationId: requested.correlation_id,
        reason: POLLER_CANCELLED_REASON,
      }),
    );
    return { feature_id: requested.feature_id, ended };
  },
);
