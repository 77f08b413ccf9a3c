import "server-only";

import { randomBytes } from "node:crypto";

import type { Config } from "@/lib/config";
import { dataDirSecret } from "@/lib/secrets/data-dir-secret";

import { featureCallbackKey, isValidCallbackSignature, repositoryCallbackKey } from "./callback-signature";

/**
 * WEBHOOK_SECRET, the root every repository's callback key derives from. Unset, one is generated under
 * DATA_DIR: enough for one machine and for demo mode.
 */
export function analysisWebhookSecret(config: Pick<Config, "WEBHOOK_SECRET" | "DATA_DIR">): string {
  return config.WEBHOOK_SECRET ?? dataDirSecret(config.DATA_DIR, "webhook-secret", () => randomBytes(32).toString("hex"));
}

/** The roots callback keys derive from: the current one and, during a rotation's overlap, the previous one. */
export interface CallbackRoots {
  current: string;
  previous?: { secret: string; until: Date };
}

export function callbackRoots(
  config: Pick<Config, "WEBHOOK_SECRET" | "DATA_DIR" | "WEBHOOK_SECRET_PREVIOUS" | "WEBHOOK_SECRET_PREVIOUS_UNTIL">,
): CallbackRoots {
  const { WEBHOOK_SECRET_PREVIOUS: secret, WEBHOOK_SECRET_PREVIOUS_UNTIL: until } = config;
  return { current: analysisWebhookSecret(config), ...(secret && until ? { previous: { secret, until } } : {}) };
}

/**
 * Whether `signature` signs `body` with the feature's key under the current root or, until the overlap
 * ends, the previous one: a repository still holding its old key keeps working while its secret is updated.
 */
export function isSignedWithFeatureKey(
  roots: CallbackRoots,
  feature: { id: string; repository: string },
  body: Uint8Array,
  signature: string,
  now: Date,
): boolean {
  const active = [roots.current, ...(roots.previous && now < roots.previous.until ? [roots.previous.secret] : [])];
  return active.some((root) =>
    isValidCallbackSignature(featureCallbackKey(repositoryCallbackKey(root, feature.repository), feature.id), body, signature),
  );
}
