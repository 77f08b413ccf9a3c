import { describe, expect, it } from "vitest";

import { repositoryContent } from "@/github-simulator/repository-routes";
import { requestTestAnalysis, testAnalysisDeps } from "@/test/analysis";
import { setUpTestDatabase } from "@/test/database";
import { startTestGithub } from "@/test/github-simulator";

import { saveRepositorySettings } from "./repository-settings";

const { db } = await setUpTestDatabase();
const github = await startTestGithub();

describe("the ref an analysis runs on", () => {
  it("is the repository's default branch on GitHub, unless ANALYSIS_WORKFLOW_REF or the repository's settings say otherwise", async () => {
    repositoryContent(github.simulator.state, "demo-org/demo-app").defaultBranch = "trunk";
    const dispatchedRef = async (settings: { ref?: string }) => {
      const deps = testAnalysisDeps(db, github, { settings: { ref: settings.ref } });
      const { runId } = await requestTestAnalysis(deps);
      return github.simulator.state.runs.get(runId!)!.ref;
    };
    expect(await dispatchedRef({})).toBe("trunk");
    expect(await dispatchedRef({ ref: "main" })).toBe("main");
    await saveRepositorySettings(db, "Demo-Org/Demo-App", { analysis_workflow: null, analysis_ref: "release" }, new Date());
    expect(await dispatchedRef({ ref: "main" })).toBe("release");
  });
});
