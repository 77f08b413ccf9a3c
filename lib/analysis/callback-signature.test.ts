import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import { featureWebhookSecret, isValidCallbackSignature, signCallbackBody } from "./callback-signature";

describe("callback signatures", () => {
  it("derives the per-feature secret as HMAC-SHA256(WEBHOOK_SECRET, feature id), as the workflow does with openssl", () => {
    const secret = featureWebhookSecret("root-secret", "0b0e5f4e-1d7c-4a8e-9a43-3f1e2d6c9b10");
    expect(secret).toBe(createHmac("sha256", "root-secret").update("0b0e5f4e-1d7c-4a8e-9a43-3f1e2d6c9b10").digest("hex"));
    expect(featureWebhookSecret("root-secret", "another-feature")).not.toBe(secret);
  });

  it("accepts the signature of the exact bytes, with or without sha256=, and nothing else", () => {
    const body = Buffer.from('{"feature_id":"x"}');
    const signature = signCallbackBody("feature-secret", body);
    expect(isValidCallbackSignature("feature-secret", body, signature)).toBe(true);
    expect(isValidCallbackSignature("feature-secret", body, `sha256=${signature.toUpperCase()}`)).toBe(true);
    expect(isValidCallbackSignature("other-secret", body, signature)).toBe(false);
    expect(isValidCallbackSignature("feature-secret", Buffer.from('{"feature_id":"y"}'), signature)).toBe(false);
    expect(isValidCallbackSignature("feature-secret", body, signature.slice(0, 63))).toBe(false);
    expect(isValidCallbackSignature("feature-secret", body, "not-hex".padEnd(64, "z"))).toBe(false);
  });
});
