import type { Router } from "express";
import { z } from "zod";

import { faultsPatchSchema } from "./faults";
import type { SimulatorState } from "./simulator-state";

/**
 * The simulator's own controls, for tests, drills and benchmarks: switch faults, read what happened
 * (runs, callbacks, webhook deliveries, REST calls that counted against the rate limit), reset.
 */
export function addControlRoutes(router: Router, state: SimulatorState) {
  // What the app's demo badge links to: what is simulated here and where its controls are.
  router.get("/", (_req, res) => {
    const repositories = state.installations.flatMap((installation) => installation.repositories);
    const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
    res
      .type("html")
      .send(
        [
          "<!doctype html><html lang=en><meta charset=utf-8><title>GitHub simulator</title>",
          "<body style='font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5'>",
          "<h1>GitHub simulator</h1><p>Hooksmith's demo mode talks to this simulated GitHub: sign-in, the App, its webhooks and Actions runs.</p>",
          `<h2>Installed repositories</h2><ul>${repositories.map((name) => `<li><code>${escape(name)}</code></li>`).join("")}</ul>`,
          "<h2>Controls</h2><ul><li><a href=/_simulator/state>/_simulator/state</a>: runs, callbacks, webhook deliveries</li>",
          "<li><code>POST /_simulator/faults</code>: make runs fail, drop callbacks, refuse dispatches (README, Feature analysis)</li></ul>",
        ].join(""),
      );
  });

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
