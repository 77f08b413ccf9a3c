import type { Config } from "@/lib/config";

// Set once by the server's start-up when it starts the simulator (demo mode); shared across bundles.
const SIMULATOR = Symbol.for("hooksmith.github-simulator-url");
type Holder = { [SIMULATOR]?: string };

export function setSimulatorUrl(url: string | undefined) {
  (globalThis as Holder)[SIMULATOR] = url;
}

export interface GithubUrls {
  /** github.com, a GitHub Enterprise Server host, or the simulator: where OAuth pages live. */
  web: string;
  /** The REST API base URL. */
  api: string;
}

/** Where GitHub is for this process: the simulator in demo mode, else github.com or GHES from GITHUB_API_URL. */
export function githubUrls(config: Pick<Config, "demoMode" | "GITHUB_API_URL">): GithubUrls {
  if (config.demoMode) {
    const web = (globalThis as Holder)[SIMULATOR];
    if (!web) throw new Error("Demo mode: the GitHub simulator has not been started");
    return { web, api: `${web}/api/v3` };
  }
  const api = config.GITHUB_API_URL;
  if (api === "https://api.github.com") return { web: "https://github.com", api };
  return { web: api.replace(/\/api\/v3$/, ""), api };
}
