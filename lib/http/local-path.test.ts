import { describe, expect, it } from "vitest";

import { localPath } from "./local-path";

describe("localPath (sign-in callbackUrl)", () => {
  it.each([
    "//evil.example",
    "/\\evil.example", // what /signin?callbackUrl=/%5Cevil.example decodes to
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "https:evil.example",
    "http://evil.example/features",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    undefined,
    ["/features", "//evil.example"],
  ])("sends %j to a local page", (value) => {
    const path = localPath(value);
    expect(path).toBe("/features");
    expect(new URL(path, "http://app.test").origin).toBe("http://app.test");
  });

  it.each([
    ["/projects", "/projects"],
    ["/features/1?tab=report#top", "/features/1?tab=report#top"],
    ["/%5Cevil.example", "/%5Cevil.example"], // still encoded: a path on this site
    ["/settings/../projects", "/projects"],
  ])("keeps the local path %j", (value, expected) => {
    expect(localPath(value)).toBe(expected);
  });
});
