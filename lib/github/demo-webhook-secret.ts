import "server-only";

import { randomBytes } from "node:crypto";

import type { Config } from "@/lib/config";
import { dataDirSecret } from "@/lib/secrets/data-dir-secret";

/**
 * The secret demo mode's simulated App signs its webhooks with: GITHUB_WEBHOOK_SECRET when set, else one
 * generated for this data directory. Never a published default, so nobody else can post signed events
 * into a demo server's database.
 */
export function demoGithubWebhookSecret(config: Pick<Config, "GITHUB_WEBHOOK_SECRET" | "DATA_DIR">): string {
  return config.GITHUB_WEBHOOK_SECRET ?? dataDirSecret(config.DATA_DIR, "github-webhook-secret", () => randomBytes(32).toString("hex"));
}
