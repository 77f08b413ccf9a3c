import "server-only";

import { getDb } from "@/db";
import { inngest } from "@/inngest/client";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { cleanUpExpiredData } from "@/lib/retention/clean-up-expired-data";

/** Hourly: deletes, in batches, whatever is past its `*_RETENTION_DAYS` and no longer needed (lib/retention). */
export const cleanUpExpiredDataFunction = inngest.createFunction(
  { id: "clean-up-expired-data", name: "Clean up expired data", retries: 2, triggers: [{ cron: "17 * * * *" }] },
  async ({ step }) =>
    step.run("delete expired rows", async () => cleanUpExpiredData({ db: await getDb(), now: () => new Date(), log }, getConfig())),
);
