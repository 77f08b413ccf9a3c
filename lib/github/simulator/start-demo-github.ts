import type { Config } from "@/lib/config";
import { analysisWebhookSecret } from "@/lib/analysis/webhook-secret";
import { setDemoGithub } from "../github-urls";
import { generateAppKeyPair } from "./app-routes";
import { DEMO_REPOSITORIES } from "./demo-repositories";
import { startGithubSimulator, type GithubSimulator } from "./start-github-simulator";

const DEMO_APP = { id: 424242, slug: "hooksmith-demo" };
/** Installed on the demo repository from the start, so a new user can analyze a feature at once. */
export const DEMO_INSTALLATION = { id: 4_242_001, account: "demo-org", repositories: ["demo-org/demo-app"] };
/** Documented default; GITHUB_WEBHOOK_SECRET overrides it so anyone can sign payloads for a demo server. */
const DEMO_GITHUB_WEBHOOK_SECRET = "hooksmith-demo-webhook-secret";

/** Demo mode's GitHub: the simulator, and a simulated App with a fresh key pair each start. */
export async function startDemoGithub(config: Config): Promise<GithubSimulator> {
  const { privateKey, publicKey } = generateAppKeyPair();
  const workflowMs = config.GITHUB_SIMULATOR_WORKFLOW_SECONDS * 1000;
  const webhookSecret = config.GITHUB_WEBHOOK_SECRET ?? DEMO_GITHUB_WEBHOOK_SECRET;
  const app = `http://127.0.0.1:${config.PORT}`;
  const simulator = await startGithubSimulator({
    port: config.GITHUB_SIMULATOR_PORT,
    app: { ...DEMO_APP, publicKey },
    installations: [DEMO_INSTALLATION],
    // The simulated repository holds the same WEBHOOK_SECRET as the app, as a configured one would.
    workflowSecret: analysisWebhookSecret(config),
    timings: { queuedMs: Math.round(workflowMs * 0.2), runMs: Math.round(workflowMs * 0.8) },
    // The simulated App is configured like a real one: webhooks to this server, setup URL back to it.
    webhooks: { url: `${app}/webhooks/github`, secret: webhookSecret },
    setupUrl: `${app}/auth/github/install`,
    repositories: DEMO_REPOSITORIES,
  });
  setDemoGithub({
    url: simulator.url,
    appId: DEMO_APP.id,
    privateKey,
    webhookSecret,
  });
  return simulator;
}
