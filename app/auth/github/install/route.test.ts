import { describe, expect, it } from "vitest";

import { installations } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { createInstallState } from "@/lib/github/install-state";
import { setUpTestDatabase } from "@/test/database";
import { createGithubUser } from "@/test/fixtures";
import { installAsProcessGithub, startTestGithub, TEST_INSTALLATION } from "@/test/github-simulator";
import { callRoute, sessionHeaders } from "@/test/http";
import { injectRouteDeps } from "@/test/route-deps";
import { testBrowser } from "@/test/session";

import { GET } from "./route";

const { db } = await setUpTestDatabase();
const OTHER_INSTALLATION = { id: 5002, account: "other-corp", repositories: ["other-corp/secret-app"] };
const github = await startTestGithub({ installations: [TEST_INSTALLATION, OTHER_INSTALLATION] });
installAsProcessGithub(github);
const browser = testBrowser();
injectRouteDeps(browser.deps);

/** A person signed in with GitHub, whose stored user token the simulator knows (as after a real sign-in). */
async function signedIn(login: string) {
  const { user } = await createGithubUser(db, { login });
  const [account] = await db.query.accounts.findMany({ where: (row, { eq }) => eq(row.userId, user.id) });
  github.simulator.state.userTokens.set(account!.access_token!, login);
  browser.signInAs(user);
  return user;
}

const callback = (userId: string, installationId: number) => {
  const query = new URLSearchParams({
    installation_id: String(installationId),
    setup_action: "install",
    state: createInstallState(getConfig(), userId),
  });
  return callRoute(GET, new Request(`http://app.test/auth/github/install?${query}`, { headers: sessionHeaders() }));
};

describe("GET /auth/github/install", () => {
  it("stores an installation the signed-in person can reach on GitHub", async () => {
    github.simulator.state.setOrgMember("demo-org", "demo-owner", true);
    const owner = await signedIn("demo-owner");
    const response = await callback(owner.id, TEST_INSTALLATION.id);
    expect(response.headers.get("location")).toBe(`/settings/github?installed=${TEST_INSTALLATION.id}`);
    expect((await db.select().from(installations)).map((row) => row.id)).toEqual([TEST_INSTALLATION.id]);
  });

  it("refuses a forged callback naming someone else's installation, with a valid state of the forger's own, storing nothing", async () => {
    const forger = await signedIn("forger");
    const response = await callback(forger.id, OTHER_INSTALLATION.id);
    const location = new URL(response.headers.get("location")!, "http://app.test");
    expect(location.pathname).toBe("/settings/github");
    expect(location.searchParams.get("error")).toBe("installation_not_yours");
    expect((await db.select().from(installations)).map((row) => row.id)).not.toContain(OTHER_INSTALLATION.id);
  });
});
