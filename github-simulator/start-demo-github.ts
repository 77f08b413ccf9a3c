import { generateAppKeyPair } from "./app-routes";
import { DEMO_REPOSITORIES } from "./demo-repositories";
import { DEMO_USERS } from "./demo-users";
import { startGithubSimulator, type GithubSimulator } from "./start-github-simulator";

const DEMO_APP = { id: 424242, slug: "hooksmith-demo" };
/** Installed on the demo repository from the start, so a new user can analyze a feature at once. */
export const DEMO_INSTALLATION = { id: 4_242_001, account: "demo-org", repositories: ["demo-org/demo-app"] };

/** What the app's demo start knows from its configuration; the simulator reads no app configuration itself. */
export interface DemoGithubOptions {
  /** The simulator's port (0: a free one). */
  port: number;
  /** Where the app listens: the simulated App's webhooks and setup URL point back to it. */
  appUrl: string;
  /** How long a simulated analysis run takes. */
  workflowSeconds: number;
  /** The app's WEBHOOK_SECRET: the simulated repository holds it, as a configured one would. */
  workflowSecret: string;
  /** What the simulated App signs webhooks with: GITHUB_WEBHOOK_SECRET, or one generated for the data directory. */
  webhookSecret: string;
}

/** The simulator, and the simulated App's credentials the app uses to reach it. */
export interface RunningDemoGithub {
  simulator: GithubSimulator;
  app: { url: string; appId: number; privateKey: string; webhookSecret: string };
}

/** Demo mode's GitHub: the simulator, and a simulated App with a fresh key pair each start. */
export async function startDemoGithub(options: DemoGithubOptions): Promise<RunningDemoGithub> {
  const { privateKey, publicKey } = generateAppKeyPair();
  const workflowMs = options.workflowSeconds * 1000;
  const { webhookSecret } = options;
  const simulator = await startGithubSimulator({
    port: options.port,
    app: { ...DEMO_APP, publicKey },
    installations: [DEMO_INSTALLATION],
    workflowSecret: options.workflowSecret,
    timings: { queuedMs: Math.round(workflowMs * 0.2), runMs: Math.round(workflowMs * 0.8) },
    // The simulated App is configured like a real one: webhooks to this server, setup URL back to it.
    webhooks: { url: `${options.appUrl}/webhooks/github`, secret: webhookSecret },
    setupUrl: `${options.appUrl}/auth/github/install`,
    repositories: DEMO_REPOSITORIES,
    // demo-org's people: with ALLOWED_GITHUB_ORGS=demo-org, they get in and a typed login does not (until added).
    orgMembers: { [DEMO_INSTALLATION.account]: DEMO_USERS.map((user) => user.login) },
  });
  return { simulator, app: { url: simulator.url, appId: DEMO_APP.id, privateKey, webhookSecret } };
}
