import { describe, expect, it } from "vitest";

import { createInstallState, isInstallStateFor } from "./install-state";

const config = { AUTH_SECRET: "an-auth-secret-of-at-least-32-characters!!", DATA_DIR: "/nonexistent" };

describe("install state", () => {
  it("comes back valid for the user it was made for, within its lifetime", () => {
    const state = createInstallState(config, "user-1", 1_000);
    expect(isInstallStateFor(config, state, "user-1", 2_000)).toBe(true);
  });

  it("refuses another user's, an expired, a tampered or a forged state", () => {
    const state = createInstallState(config, "user-1", 1_000);
    expect(isInstallStateFor(config, state, "user-2", 2_000)).toBe(false);
    expect(isInstallStateFor(config, state, "user-1", 1_000 + 31 * 60_000)).toBe(false);
    const [user, expiry, nonce, signature] = state.split(".");
    expect(
      isInstallStateFor(config, [Buffer.from("user-2").toString("base64url"), expiry, nonce, signature].join("."), "user-2", 2_000),
    ).toBe(false);
    expect(isInstallStateFor(config, [user, String(Number(expiry) + 1e9), nonce, signature].join("."), "user-1", 2_000)).toBe(false);
    expect(isInstallStateFor({ ...config, AUTH_SECRET: "another-secret-of-at-least-32-characters!!" }, state, "user-1", 2_000)).toBe(false);
    for (const forged of ["", "forged", "a.b.c.d", `${user}.${expiry}.${nonce}.${"0".repeat(64)}`])
      expect(isInstallStateFor(config, forged, "user-1", 2_000)).toBe(false);
  });
});
