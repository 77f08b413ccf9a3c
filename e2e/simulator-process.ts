import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * The GitHub simulator as its own process, so it outlives the app as the real GitHub does:
 * scripts/github-simulator.mts bundled by esbuild (Playwright's CommonJS transform cannot load the
 * ESM-only Octokit packages it uses). The caller kills `process` when done.
 */
export async function startSimulatorProcess(
  options: Record<string, unknown>,
): Promise<{ url: string; apiUrl: string; process: ChildProcess }> {
  const root = path.join(__dirname, "..");
  const bundle = path.join(__dirname, ".artifacts", "github-simulator.mjs");
  const built = spawnSync(
    path.join(root, "node_modules", ".bin", "esbuild"),
    [
      "scripts/github-simulator.mts",
      "--bundle",
      "--platform=node",
      "--format=esm",
      "--packages=external",
      `--outfile=${bundle}`,
      "--log-level=warning",
    ],
    { cwd: root, encoding: "utf8" },
  );
  if (built.status !== 0) throw new Error(`esbuild failed: ${built.stderr}`);
  const simulator = spawn(process.execPath, [bundle, JSON.stringify(options)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  for await (const chunk of simulator.stdout!) {
    output += chunk;
    if (output.includes("\n")) return { ...(JSON.parse(output.split("\n")[0]!) as { url: string; apiUrl: string }), process: simulator };
  }
  throw new Error(`the simulator exited: ${output}`);
}
