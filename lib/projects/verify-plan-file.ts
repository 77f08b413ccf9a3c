import "server-only";

import { AppError } from "@/lib/errors";
import { githubErrorMessage, githubRequestError } from "@/lib/github/github-errors";

import type { ProjectDeps } from "./deps";
import { planCandidates } from "./plan-files";

/**
 * Asks GitHub, through the installation, whether the repository is reachable and its plan file exists at
 * the default branch, before a project is tracked or its plan path changed. Returns the plan file found;
 * a repository the App cannot reach or a missing plan file is a 422 saying which, anything else GitHub
 * refuses a 502.
 */
export async function verifyPlanFile(
  deps: Pick<ProjectDeps, "installationOctokit">,
  input: { installationId: number; repository: string; planPath: string | null },
): Promise<string> {
  const [owner, repo] = input.repository.split("/") as [string, string];
  const notReachable = () =>
    new AppError(
      422,
      "repository_not_installed",
      `The GitHub App cannot reach ${input.repository}: install it on that repository from Settings → GitHub first`,
    );
  let ref: string;
  try {
    const octokit = await deps.installationOctokit(input.installationId);
    ref = (await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}", { owner, repo, ref: "HEAD" })).data.sha;
    for (const path of planCandidates(input.planPath)) {
      try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ref });
        if (!Array.isArray(data) && data.type === "file") return path;
      } catch (error) {
        if (githubRequestError(error)?.status !== 404) throw error;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = githubRequestError(error)?.status;
    if (status === 404 || status === 403) throw notReachable();
    throw new AppError(502, "github_unavailable", `Could not check the repository on GitHub: ${githubErrorMessage(error)}`);
  }
  throw new AppError(
    422,
    "plan_file_not_found",
    input.planPath
      ? `${input.planPath} does not exist on the default branch of ${input.repository}`
      : `${input.repository} has none of the default plan files (${planCandidates(null).join(", ")}): name the plan file`,
  );
}
