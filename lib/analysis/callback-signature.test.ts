import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import { featureCallbackKey, isValidCallbackSignature, repositoryCallbackKey, signCallbackBody } from "./callback-signature";
import { isSignedWithFeatureKey } from "./webhook-secret";

const FEATURE_ID = "0b0e5f4e-1d7c-4a8e-9a43-3f1e2d6c9b10";

describe("callback keys", () => {
  it("derives the repository key as HMAC-SHA256(WEBHOOK_SECRET, lowercase owner/repo) and the feature key from it (known vectors)", () => {
    const repositoryKey = repositoryCallbackKey("root-secret", "Demo-Org/Demo-App");
    expect(repositoryKey).toBe(createHmac("sha256", "root-secret").update("demo-org/demo-app").digest("hex"));
    // Fixed vectors from openssl, as the workflow computes them: `printf %s demo-org/demo-app | openssl dgst -sha256 -hmac root-secret`.
    expect(repositoryKey).toBe("32ee68a26b22b2597c18169e9553b12793ffd1a5668b8850babc98ebc935e52d");
    expect(featureCallbackKey(repositoryKey, FEATURE_ID)).toBe("3a10d041d32b7108df61d218596f77849ce48fd69258fe29525a96b8e61b9fc3");
    expect(repositoryCallbackKey("root-secret", "demo-org/other-app")).not.toBe(repositoryKey);
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

  it("accepts keys from the previous root until the overlap ends, then only the current root's", () => {
    const feature = { id: FEATURE_ID, repository: "demo-org/demo-app" };
    const body = Buffer.from("{}");
    const sign = (root: string) => signCallbackBody(featureCallbackKey(repositoryCallbackKey(root, feature.repository), feature.id), body);
    const roots = {
      current: "new-root-secret-0123456789",
      previous: { secret: "old-root-secret-0123456789", until: new Date("2026-12-01T00:00:00Z") },
    };
    const before = new Date("2026-11-30T23:59:59Z");
    const after = new Date("2026-12-01T00:00:00Z");
    expect(isSignedWithFeatureKey(roots, feature, body, sign("new-root-secret-0123456789"), before)).toBe(true);
    expect(isSignedWithFeatureKey(roots, feature, body, sign("old-root-secret-0123456789"), before)).toBe(true);
    expect(isSignedWithFeatureKey(roots, feature, body, sign("old-root-secret-0123456789"), after)).toBe(false);
    expect(isSignedWithFeatureKey(roots, feature, body, sign("new-root-secret-0123456789"), after)).toBe(true);
    expect(isSignedWithFeatureKey(roots, feature, body, sign("some-other-root-0123456789"), before)).toBe(false);
  });
});
