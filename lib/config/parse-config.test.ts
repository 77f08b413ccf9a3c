import { describe, expect, it } from "vitest";

import { ConfigError, parseConfig } from ".";

const problemsOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected the configuration to be refused");
};

const PRODUCTION_GITHUB = {
  GITHUB_APP_ID: "123",
  GITHUB_APP_PRIVATE_KEY_PATH: "/run/secrets/github-app.pem",
  GITHUB_WEBHOOK_SECRET: "a-webhook-secret-of-some-length",
  GITHUB_CLIENT_ID: "Iv1.abc",
  GITHUB_CLIENT_SECRET: "shh",
  ALLOWED_GITHUB_ORGS: "acme",
};

describe("parseConfig", () => {
  it("applies the documented defaults: port 3000, .data, PGlite, demo mode", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: ".data", demoMode: true, ADMIN_GITHUB_LOGINS: [] });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as unset and normalises the admin list", () => {
    const config = parseConfig({ PORT: "", ADMIN_GITHUB_LOGINS: " Alice, bob ,,", DATABASE_URL: "" });
    expect(config.PORT).toBe(3000);
    expect(config.ADMIN_GITHUB_LOGINS).toEqual(["alice", "bob"]);
  });

  it.each([
    ["PORT", "eighty", /^PORT: expected the HTTP port: a whole number from 0 to 65535 \(got "eighty"\)$/],
    ["PORT", "70000", /^PORT: expected the HTTP port/],
    ["DATABASE_URL", "mysql://localhost/db", /^DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ connection URL/],
    ["LOG_LEVEL", "loud", /^LOG_LEVEL: /],
    ["GITHUB_API_URL", "not a url", /^GITHUB_API_URL: expected the GitHub REST API base URL/],
    ["ADMIN_API_TOKEN", "short", /^ADMIN_API_TOKEN: expected at least 32 characters \(got a value of 5 characters\)$/],
  ])("refuses a bad %s, naming the variable and what it expects", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("never echoes a secret's value in its message", () => {
    const problems = problemsOf({ DATABASE_URL: "http://user:hunter2@db/x", ADMIN_API_TOKEN: "hunter2" });
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("refuses a partial set of GitHub App credentials, naming each missing one", () => {
    const problems = problemsOf({ GITHUB_APP_ID: "123", GITHUB_CLIENT_ID: "Iv1.abc" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "GITHUB_CLIENT_SECRET",
      "GITHUB_WEBHOOK_SECRET",
      "GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_PATH)",
    ]);
  });

  it("stays in demo mode with only GITHUB_WEBHOOK_SECRET set: the simulator signs with it", () => {
    expect(parseConfig({ GITHUB_WEBHOOK_SECRET: "a-webhook-secret-of-some-length" }).demoMode).toBe(true);
  });

  it("refuses to start outside demo mode with no sign-in policy, unless any GitHub user is explicitly allowed", () => {
    const { ALLOWED_GITHUB_ORGS: _orgs, ...open } = PRODUCTION_GITHUB;
    expect(problemsOf(open)).toEqual([expect.stringMatching(/^ALLOWED_GITHUB_ORGS or ALLOWED_GITHUB_LOGINS: required outside demo mode/)]);
    expect(parseConfig({ ...open, ALLOWED_GITHUB_LOGINS: "Pm-Alice" }).ALLOWED_GITHUB_LOGINS).toEqual(["pm-alice"]);
    expect(parseConfig({ ...open, ALLOW_ANY_GITHUB_USER: "true" }).ALLOW_ANY_GITHUB_USER).toBe(true);
    expect(parseConfig({}).ALLOW_ANY_GITHUB_USER).toBe(false); // demo mode needs nothing
  });

  it("leaves demo mode when every GitHub credential is set", () => {
    expect(parseConfig(PRODUCTION_GITHUB).demoMode).toBe(false);
  });

  it("never falls into demo mode in production: without GitHub credentials it refuses to start unless HOOKSMITH_DEMO=true", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "GITHUB_APP_ID",
      "GITHUB_CLIENT_ID",
      "GITHUB_CLIENT_SECRET",
      "GITHUB_WEBHOOK_SECRET",
      "GITHUB_APP_PRIVATE_KEY (or GITHUB_APP_PRIVATE_KEY_PATH)",
    ]);
    expect(problems[0]).toContain("HOOKSMITH_DEMO=true");
    expect(parseConfig({ NODE_ENV: "production", HOOKSMITH_DEMO: "true" }).demoMode).toBe(true);
    expect(parseConfig({ NODE_ENV: "production", ...PRODUCTION_GITHUB }).demoMode).toBe(false);
    // `next build` is not a deployment: it loads the routes with whatever environment the build has.
    expect(parseConfig({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).demoMode).toBe(true);
  });

  it("refuses HOOKSMITH_DEMO=true next to GitHub credentials, and HOOKSMITH_DEMO=false without them", () => {
    expect(problemsOf({ HOOKSMITH_DEMO: "true", ...PRODUCTION_GITHUB })[0]).toMatch(/^HOOKSMITH_DEMO: demo mode simulates GitHub/);
    expect(problemsOf({ HOOKSMITH_DEMO: "false" })[0]).toMatch(/^GITHUB_APP_ID: required/);
    expect(problemsOf({ HOOKSMITH_DEMO: "yes" })[0]).toMatch(/^HOOKSMITH_DEMO: expected true or false/);
  });

  it("refuses INNGEST_DEV in production (it turns Inngest's signature checks off), and allows it in development", () => {
    expect(problemsOf({ NODE_ENV: "production", HOOKSMITH_DEMO: "true", INNGEST_DEV: "1" })).toEqual([
      expect.stringMatching(/^INNGEST_DEV: refused in production/),
    ]);
    expect(problemsOf({ NODE_ENV: "production", ...PRODUCTION_GITHUB, INNGEST_DEV: "http://localhost:8288" })[0]).toMatch(/^INNGEST_DEV/);
    expect(parseConfig({ NODE_ENV: "development", INNGEST_DEV: "1" }).jobsEngine).toBe("inngest-dev");
  });

  it.each([
    [{}, "http://127.0.0.1:3000"],
    [{ PORT: "4000" }, "http://127.0.0.1:4000"],
    [{ AUTH_URL: "https://hooksmith.example.com/app" }, "https://hooksmith.example.com"],
    [{ AUTH_URL: "https://hooksmith.example.com", INNGEST_SERVE_ORIGIN: "http://app:3000" }, "http://app:3000"],
  ])("registers with Inngest at the configured origin, never the request's (%j → %s)", (env, origin) => {
    expect(parseConfig(env as Record<string, string>).inngestServeOrigin).toBe(origin);
  });

  it("polls at the simulated workflow's pace in demo mode, at the documented pace otherwise, and as told in both", () => {
    const pace = (env: Record<string, string>) => {
      const config = parseConfig(env);
      return [config.ANALYSIS_POLLING_INTERVAL_SECONDS, config.ANALYSIS_WEBHOOK_GRACE_SECONDS, config.ANALYSIS_POLLING_TIMEOUT_SECONDS];
    };
    expect(pace({})).toEqual([3, 5, 900]);
    expect(pace(PRODUCTION_GITHUB)).toEqual([30, 300, 900]);
    expect(pace({ ANALYSIS_POLLING_INTERVAL_SECONDS: "10", ANALYSIS_WEBHOOK_GRACE_SECONDS: "60" })).toEqual([10, 60, 900]);
  });

  it.each([
    [{}, "embedded"],
    [{ INNGEST_DEV: "1" }, "inngest-dev"],
    [{ INNGEST_EVENT_KEY: "evt", INNGEST_SIGNING_KEY: `signkey-prod-${"ab".repeat(32)}` }, "inngest"],
    [
      {
        INNGEST_EVENT_KEY: "evt",
        INNGEST_SIGNING_KEY: `signkey-prod-${"ab".repeat(32)}`,
        INNGEST_BASE_URL: "http://inngest.internal:8288",
      },
      "inngest",
    ],
    [{ INNGEST_SIGNING_KEY: `signkey-embedded-${"ab".repeat(32)}` }, "embedded"],
  ])("selects the jobs engine from the INNGEST_* variables (%j → %s)", (env, engine) => {
    expect(parseConfig(env as Record<string, string>).jobsEngine).toBe(engine);
  });

  it("refuses INNGEST_EVENT_KEY without INNGEST_SIGNING_KEY, and a malformed signing key", () => {
    expect(problemsOf({ INNGEST_EVENT_KEY: "evt" })[0]).toMatch(/^INNGEST_SIGNING_KEY: required with INNGEST_EVENT_KEY/);
    expect(problemsOf({ INNGEST_SIGNING_KEY: "hunter2" })[0]).toMatch(/^INNGEST_SIGNING_KEY: expected an Inngest signing key/);
  });

  it("takes a rotation's previous root only with the end of its overlap, and a list of OIDC issuers", () => {
    const rotation = { WEBHOOK_SECRET_PREVIOUS: "an-old-root-secret-0123", WEBHOOK_SECRET_PREVIOUS_UNTIL: "2026-12-31T00:00:00Z" };
    expect(parseConfig(rotation).WEBHOOK_SECRET_PREVIOUS_UNTIL).toEqual(new Date("2026-12-31T00:00:00Z"));
    expect(problemsOf({ WEBHOOK_SECRET_PREVIOUS: "an-old-root-secret-0123" })[0]).toMatch(/^WEBHOOK_SECRET_PREVIOUS_UNTIL: required/);
    expect(problemsOf({ ...rotation, WEBHOOK_SECRET_PREVIOUS_UNTIL: "next week" })[0]).toMatch(
      /^WEBHOOK_SECRET_PREVIOUS_UNTIL: expected an ISO 8601/,
    );
    expect(parseConfig({}).ANALYSIS_OIDC_ISSUERS).toEqual(["https://token.actions.githubusercontent.com"]);
    expect(
      parseConfig({ ANALYSIS_OIDC_ISSUERS: "https://token.actions.githubusercontent.com, https://ghe.example.com/_services/token/" })
        .ANALYSIS_OIDC_ISSUERS,
    ).toEqual(["https://token.actions.githubusercontent.com", "https://ghe.example.com/_services/token"]);
    expect(parseConfig({}).ANALYSIS_WORKFLOW_REF).toBeUndefined();
  });
});
