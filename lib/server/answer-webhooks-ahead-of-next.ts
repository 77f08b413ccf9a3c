import "server-only";

import { subscribe } from "node:diagnostics_channel";
import type { RequestListener, Server } from "node:http";

import { answerGithubWebhook, isGithubWebhookPost, type GithubWebhookListenerDeps } from "@/lib/http/github-webhook-listener";
import { log } from "@/lib/log";

import { processSingleton } from "./process-singleton";

/**
 * Puts the thin POST /webhooks/github listener (lib/http/github-webhook-listener.ts) in front of Next's
 * on Next's own HTTP server; every other request goes to Next as before. Next creates that server and
 * does not hand it out: its first request shows it (the diagnostics channel is published before the
 * server emits `request`, so that first request already takes the new path). Only the server on Next's
 * port is wrapped, not the demo's GitHub simulator. Called at start-up, before the first request.
 */
export function answerGithubWebhooksAheadOfNext(deps: GithubWebhookListenerDeps) {
  const state = processSingleton("hooksmith.webhooks-ahead-of-next", () => ({ installed: false, wrapped: new WeakSet<Server>() }));
  if (state.installed) return;
  state.installed = true;
  subscribe("http.server.request.start", (message) => {
    const { server } = message as { server?: Server };
    if (!server || state.wrapped.has(server)) return;
    state.wrapped.add(server);
    const address = server.address();
    if (typeof address !== "object" || address?.port !== Number(process.env.PORT)) return;
    const nextListeners = server.listeners("request") as RequestListener[];
    server.removeAllListeners("request");
    server.on("request", (req, res) => {
      if (isGithubWebhookPost(req))
        answerGithubWebhook(deps, req, res).catch((error: unknown) => {
          log.error("github webhook listener failed", { error });
          res.destroy();
        });
      else for (const listener of nextListeners) listener.call(server, req, res);
    });
  });
}
