import type { Router } from "express";
import { z } from "zod";

import { faultsPatchSchema } from "./faults";
import type { SimulatorState } from "./simulator-state";

/**
 * The simulator's own controls, for tests, drills and benchmarks: switch faults, read what happened
 * (runs, callbacks, webhook deliveries, REST calls that counted against the rate limit), reset.
 */
export function addControlRoutes(router: Router, state: SimulatorState) {
  router.get("/_simulator/state", (_req, res) => {
    res.json({
      faults: state.faults,
      installations: state.installations,
      runs: [...state.runs.values()],
      artifacts: [...state.artifacts.values()].map(({ zip, ...artifact }) => ({ ...artifact, size_in_bytes: zip.byteLength })),
      callbacks: state.callbacks,
      deliveries: state.deliveries,
      api_calls: state.apiCalls,
    });
  });

  router.post("/_simulator/faults", (req, res) => {
    const patch = faultsPatchSchema.safeParse(req.body ?? {});
    if (!patch.success) return void res.status(400).json({ error: { code: "invalid_faults", message: z.prettifyError(patch.error) } });
    Object.assign(state.faults, patch.data);
    res.json(state.faults);
  });

  router.post("/_simulator/reset", (_req, res) => {
    state.reset();
    res.status(204).end();
  });
}
