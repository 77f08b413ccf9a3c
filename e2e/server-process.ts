import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..");

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Stops the whole process group (next and anything it started). */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` as its own process group on a port of its own, waiting until /api/health answers 200. */
export async function startApp(port: number, env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      AUTH_SECRET: "e2e-only-auth-secret-0123456789abcdef",
      AUTH_TRUST_HOST: "true",
      // A demo server unless the test gives it a GitHub App.
      ...(!env.GITHUB_APP_ID && { HOOKSMITH_DEMO: "true" }),
      GITHUB_SIMULATOR_PORT: "0",
      DATABASE_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const app: AppProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      await exited;
    },
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${app.url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return app;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await app.kill("SIGKILL");
  throw new Error(`next start did not become healthy:\n${output}`);
}
