import "server-only";

import { randomBytes } from "node:crypto";

import type { Config } from "@/lib/config";
import { dataDirSecret } from "@/lib/secrets/data-dir-secret";

/**
 * WEBHOOK_SECRET, the root of every feature's callback secret (the same value is the repository secret
 * the workflow reads). Unset, one is generated under DATA_DIR: enough for one machine and for demo mode.
 */
export function analysisWebhookSecret(config: Pick<Config, "WEBHOOK_SECRET" | "DATA_DIR">): string {
  return config.WEBHOOK_SECRET ?? dataDirSecret(config.DATA_DIR, "webhook-secret", () => randomBytes(32).toString("hex"));
}
