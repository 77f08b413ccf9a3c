import express, { type Router } from "express";

import { appJwtAuth, githubHosts, installationView, type SimulatedApp } from "./app-routes";
import { redeliver, sendAppWebhook, type WebhookTarget } from "./app-webhooks";
import { stableId } from "./demo-users";
import { escapeHtml, signedInLogin } from "./oauth-routes";
import { githubExample, githubWebhookExample, rehosted } from "./openapi-examples";
import { repositoryContent } from "./repository-routes";
import { isoSeconds, sendGithubError, type SimulatedDelivery, type SimulatorState } from "./simulator-state";

type Urls = { web: string; api: string };

export interface InstallOptions {
  app: SimulatedApp;
  /** The App's setup URL: where GitHub sends the person after installing (the app's /auth/github/install). */
  setupUrl?: string;
  /** Repositories offered on the install page, with their initial files. */
  repositories: Record<string, Record<string, string>>;
  webhooks: WebhookTarget | undefined;
}

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;

/**
 * GitHub's App installation page (pick an account and repositories, Install → the App's setup URL with
 * installation_id, setup_action and the state it was given) and the App's webhook delivery log with
 * redelivery, as GitHub keeps it.
 */
export function addInstallRoutes(routers: { api: Router; web: Router }, state: SimulatorState, urls: Urls, options: InstallOptions) {
  const form = express.urlencoded({ extended: false });
  const path = `/apps/${options.app.slug}/installations/new`;

  routers.web.get(path, (req, res) => {
    res.type("html").send(installPage(path, options, String(req.query.state ?? ""), loopbackOrigin(req.get("referer"))));
  });

  routers.web.post(path, form, async (req, res) => {
    const body = req.body as Record<string, string | string[] | undefined>;
    const account = String(body.account ?? "").trim();
    const chosen = [body.repositories ?? []]
      .flat()
      .map((name) => String(name).trim())
      .filter((name) => REPOSITORY.test(name) && name.split("/")[0] === account);
    if (!/^[\w-]+$/.test(account) || chosen.length === 0) {
      return void res
        .status(422)
        .type("html")
        .send(
          installPage(
            path,
            options,
            String(body.state ?? ""),
            loopbackOrigin(String(body.origin ?? "")),
            "Choose an account and at least one of its repositories.",
          ),
        );
    }
    // Whoever is signed in to the simulated github.com installs it, as an owner of the account: they can
    // reach the installation afterwards (GET /user/installations).
    const installer = signedInLogin(req);
    if (installer && installer !== account.toLowerCase()) state.setOrgMember(account, installer, true);
    const existing = state.installations.find((installation) => installation.account === account);
    const installation = existing ?? { id: stableId(`installation:${account}:${Date.now()}`), account, repositories: [] };
    const added = chosen.filter((name) => !installation.repositories.includes(name));
    installation.repositories.push(...added);
    if (!existing) state.installations.push(installation);
    for (const name of added) repositoryContent(state, name, options.repositories[name]);

    const target = options.webhooks;
    if (target) {
      const refs = added.map((name) => ({
        id: stableId(`repository:${name}`),
        node_id: "",
        name: name.split("/")[1]!,
        full_name: name,
        private: true,
      }));
      const view = installationView(installation, options.app, urls);
      const sender = { ...githubExample<{ login: string }>("simple-user"), login: account };
      const payload = existing
        ? {
            ...exampleOf("installation_repositories", "added", urls),
            action: "added",
            installation: view,
            repository_selection: "selected",
            repositories_added: refs,
            repositories_removed: [],
            sender,
          }
        : { ...exampleOf("installation", "created", urls), action: "created", installation: view, repositories: refs, sender };
      await sendAppWebhook(state, target, {
        event: existing ? "installation_repositories" : "installation",
        payload,
        installationId: installation.id,
        repositoryId: null,
      });
    }
    if (!options.setupUrl) return void res.type("text").send(`Installed: installation ${installation.id}`);
    // The app may be browsed as localhost or 127.0.0.1: return to the origin the person came from, so
    // their session cookie goes along (real GitHub uses the App's one configured setup URL).
    const setup = new URL(options.setupUrl);
    const origin = loopbackOrigin(String(body.origin ?? ""));
    if (origin) Object.assign(setup, { protocol: new URL(origin).protocol, host: new URL(origin).host });
    setup.searchParams.set("installation_id", String(installation.id));
    setup.searchParams.set("setup_action", existing ? "update" : "install");
    if (body.state) setup.searchParams.set("state", String(body.state));
    res.redirect(302, setup.toString());
  });

  const asApp = appJwtAuth(options.app);
  const deliveryView = (delivery: SimulatedDelivery) => ({
    id: delivery.id,
    guid: delivery.guid,
    delivered_at: isoSeconds(delivery.deliveredAt),
    redelivery: delivery.redelivery,
    duration: delivery.durationMs / 1000,
    status:
      delivery.statusCode >= 200 && delivery.statusCode < 300
        ? "OK"
        : delivery.statusCode
          ? `Invalid HTTP Response: ${delivery.statusCode}`
          : "failed to connect to host",
    status_code: delivery.statusCode,
    event: delivery.event,
    action: delivery.action,
    installation_id: delivery.installationId,
    repository_id: delivery.repositoryId,
    throttled_at: null,
  });

  routers.api.get("/app/hook/deliveries", asApp, (req, res) => {
    const perPage = Math.min(100, Math.max(1, Number(req.query.per_page) || 30));
    const before = Number(req.query.cursor) || Infinity;
    const page = [...state.deliveries]
      .reverse()
      .filter((delivery) => delivery.id < before)
      .slice(0, perPage + 1);
    if (page.length > perPage) {
      const next = new URL(`${urls.api}/app/hook/deliveries`);
      next.searchParams.set("per_page", String(perPage));
      next.searchParams.set("cursor", String(page[perPage - 1]!.id));
      res.set("link", `<${next}>; rel="next"`);
    }
    res.json(page.slice(0, perPage).map(deliveryView));
  });

  routers.api.get("/app/hook/deliveries/:delivery_id", asApp, (req, res) => {
    const delivery = state.deliveries.find((candidate) => String(candidate.id) === req.params.delivery_id);
    if (!delivery) return sendGithubError(res, 404, "Not Found");
    res.json({
      ...deliveryView(delivery),
      url: options.webhooks?.url ?? null,
      request: { headers: { "X-GitHub-Event": delivery.event }, payload: JSON.parse(delivery.body) },
      response: { headers: {}, payload: null },
    });
  });

  routers.api.post("/app/hook/deliveries/:delivery_id/attempts", asApp, (req, res) => {
    const delivery = state.deliveries.find((candidate) => String(candidate.id) === req.params.delivery_id);
    const target = options.webhooks;
    if (!delivery || !target) return sendGithubError(res, 404, "Not Found");
    void redeliver(state, target, delivery);
    res.status(202).json({});
  });

  // Tests and drills: send any App webhook, signed, as GitHub would.
  routers.web.post("/_simulator/webhooks", async (req, res) => {
    const { event, payload } = (req.body ?? {}) as { event?: unknown; payload?: unknown };
    const target = options.webhooks;
    if (typeof event !== "string" || !payload || typeof payload !== "object")
      return void res.status(400).json({ error: { code: "invalid_webhook", message: "Send {event, payload}" } });
    if (!target) return void res.status(409).json({ error: { code: "no_webhook_url", message: "The simulator has no webhook URL" } });
    const installationId = Number((payload as { installation?: { id?: unknown } }).installation?.id) || null;
    res.json({
      status_code: await sendAppWebhook(state, target, {
        event,
        payload: payload as Record<string, unknown>,
        installationId,
        repositoryId: null,
      }),
    });
  });
}

const exampleOf = (event: string, action: string, urls: Urls) => rehosted(githubWebhookExample(event, action), githubHosts(urls));

/** The origin of a loopback URL (the app that sent the person here), else undefined. */
function loopbackOrigin(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const { origin, hostname } = new URL(url);
  return ["localhost", "127.0.0.1", "[::1]"].includes(hostname) ? origin : undefined;
}

function installPage(path: string, options: InstallOptions, state: string, origin: string | undefined, error?: string): string {
  const choices = Object.keys(options.repositories)
    .map(
      (name) =>
        `<label class="repo"><input type="checkbox" name="repositories" value="${escapeHtml(name)}" checked> ${escapeHtml(name)}</label>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Install ${escapeHtml(options.app.slug)} · GitHub simulator</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#f6f8fa;color:#1f2328;display:flex;justify-content:center;padding:48px 16px;margin:0}
main{background:#fff;border:1px solid #d0d7de;border-radius:12px;max-width:460px;width:100%;padding:28px}
h1{font-size:20px;margin:0 0 4px}p{color:#59636e;font-size:14px}label{display:block;font-size:14px;margin:10px 0}
.repo{padding:10px 12px;border:1px solid #d0d7de;border-radius:8px}input[type=text]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #d0d7de;border-radius:6px;font-size:14px}
button{margin-top:16px;background:#1f883d;color:#fff;border:0;border-radius:6px;padding:9px 16px;font-weight:600;cursor:pointer}
.badge{display:inline-block;font-size:12px;background:#fff8c5;border:1px solid #d4a72c;border-radius:999px;padding:2px 8px;margin-bottom:12px}.error{color:#d1242f}
</style></head><body><main>
<span class="badge">GitHub simulator</span>
<h1>Install ${escapeHtml(options.app.slug)}</h1>
<p>Choose where to install the App. Nothing here talks to github.com.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${path}">
<input type="hidden" name="state" value="${escapeHtml(state)}">
${origin ? `<input type="hidden" name="origin" value="${escapeHtml(origin)}">` : ""}
<label for="account">Account</label><input id="account" type="text" name="account" value="demo-org">
<p>Repositories</p>${choices}
<button type="submit">Install</button>
</form></main></body></html>`;
}
