import "server-only";

import { inngest } from "@/inngest/client";
import { benchJobRequested } from "@/inngest/events";

/**
 * `npm run bench`'s job (bench/executor.mjs): `steps` no-op steps, so the time measured is the job
 * engine's own (claiming, calling the function, storing each step), as graphile-worker's no-op job is its own.
 * Served only when HOOKSMITH_BENCH=1 (inngest/functions/index.ts).
 */
export const benchJob = inngest.createFunction(
  { id: "bench-job", name: "Bench no-op job", retries: 0, triggers: [benchJobRequested] },
  async ({ event, step }) => {
    for (let index = 0; index < event.data.steps; index++) await step.run(`step ${index}`, () => index);
    return { steps: event.data.steps };
  },
);
