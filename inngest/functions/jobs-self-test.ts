import "server-only";

import { z } from "zod";

import { inngest } from "@/inngest/client";
import { jobsSelfTestRequested } from "@/inngest/events";

const { pauseSeconds, holdSeconds } = jobsSelfTestRequested.schema.shape;

/** The self-test's settings: the event's fields with their defaults (also the body the admin route reads). */
export const selfTestData = z.object({ pauseSeconds: pauseSeconds.default(1), holdSeconds: holdSeconds.default(0) });

/**
 * Proves the job engine end to end, from the /jobs page or the API: a step, a durable sleep, and a step
 * that may hold for a while (so a restart can be tried mid-step). Whatever runs the functions, it completes.
 */
export const jobsSelfTest = inngest.createFunction(
  { id: "jobs-self-test", name: "Job engine self-test", retries: 2, triggers: [jobsSelfTestRequested] },
  async ({ event, step }) => {
    const { pauseSeconds, holdSeconds } = selfTestData.parse(event.data ?? {});
    const startedAt = await step.run("record start", () => new Date().toISOString());
    await step.sleep("pause", `${pauseSeconds}s`);
    const heldAt = await step.run("hold", async () => {
      await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
      return new Date().toISOString();
    });
    return { startedAt, heldAt };
  },
);
