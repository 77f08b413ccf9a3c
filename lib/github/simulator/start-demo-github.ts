import { generateKeyPairSync } from "node:crypto";
import type { Config } from "@/lib/config";
import { setDemoGithub } from "../github-urls";
import { startGithubSimulator, type GithubSimulator } from "./start-github-simulator";

const DEMO_APP_ID = 424242;
/** Documented default; GITHUB_WEBHOOK_SECRET overrides it so anyone can sign payloads for a demo server. */
const DEMO_GITHUB_WEBHOOK_SECRET = "hooksmith-demo-webhook-secret";

/** Demo mode's GitHub: the simulator, and a simulated App with a fresh key pair each start. */
export async function startDemoGithub(config: Config): Promise<GithubSimulator> {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const simulator = await startGithubSimulator({ port: config.GITHUB_SIMULATOR_PORT });
  setDemoGithub({
    url: simulator.url,
    appId: DEMO_APP_ID,
    privateKey,
    webhookSecret: config.GITHUB_WEBHOOK_SECRET ?? DEMO_GITHUB_WEBHOOK_SECRET,
  });
  return simulator;
}
