import type { components } from "@octokit/openapi-types";
import type { Router } from "express";

import { installationView, type SimulatedApp } from "./app-routes";
import { GITHUB_LOGIN, stableId } from "./demo-users";
import { tokenUser } from "./oauth-routes";
import { githubExample } from "./openapi-examples";
import { sendGithubError, type SimulatorState } from "./simulator-state";

type OrgMembership = components["schemas"]["org-membership"];
type Urls = { web: string; api: string };

/**
 * Organisation membership as a person's own token sees it, stateful: `GET /user/memberships/orgs/{org}`
 * (200 active membership, 404 when not a member) and `GET /user/installations` (the App's installations
 * they can reach), plus controls for tests and demos to add and remove members.
 */
export function addOrgRoutes(routers: { api: Router; web: Router }, state: SimulatorState, urls: Urls, app: SimulatedApp | undefined) {
  routers.api.get("/user/memberships/orgs/:org", (req, res) => {
    const login = tokenUser(state, req, res);
    if (!login) return;
    const org = req.params.org;
    if (!state.isOrgMember(org, login)) return sendGithubError(res, 404, "Not Found");
    const template = githubExample<OrgMembership>("org-membership");
    res.json({
      ...template,
      url: `${urls.api}/orgs/${org}/memberships/${login}`,
      state: "active",
      role: "member",
      organization_url: `${urls.api}/orgs/${org}`,
      organization: { ...template.organization, login: org, id: stableId(`account:${org}`), url: `${urls.api}/orgs/${org}` },
      user: { ...template.user!, login, id: stableId(login) },
    });
  });

  routers.api.get("/user/installations", (req, res) => {
    const login = tokenUser(state, req, res);
    if (!login) return;
    // Only a GitHub App's user token may ask; without a simulated App there is none.
    if (!app)
      return sendGithubError(
        res,
        403,
        "You must authenticate with an access token authorized to a GitHub App in order to list installations",
      );
    const installations = state.installationsOf(login).map((installation) => installationView(installation, app, urls));
    res.json({ total_count: installations.length, installations });
  });

  routers.web.get("/_simulator/orgs/:org/members", (req, res) => {
    res.json([...(state.orgMembers.get(req.params.org.toLowerCase()) ?? [])].sort());
  });

  for (const method of ["put", "delete"] as const) {
    routers.web[method]("/_simulator/orgs/:org/members/:login", (req, res) => {
      const { org, login } = req.params;
      if (!GITHUB_LOGIN.test(org) || !GITHUB_LOGIN.test(login))
        return void res.status(400).json({ error: { code: "invalid_login", message: "Expected GitHub logins" } });
      state.setOrgMember(org, login, method === "put");
      res.status(204).end();
    });
  }
}
