// The GitHub simulator on its own, for a production-configured app pointed at it (GITHUB_API_URL) and
// for drills where GitHub must outlive the app. Bundle it with esbuild (`--bundle --platform=node
// --format=esm --packages=external`, as e2e/drill-restart.spec.ts does), then `node <bundle> '<options JSON>'`.
// Prints one JSON line {"url","apiUrl"} once listening; faults are switched over HTTP (/_simulator/faults).
import { startGithubSimulator, type StartGithubSimulatorOptions } from "@/github-simulator/start-github-simulator";

const options = JSON.parse(process.argv[2] ?? "{}") as StartGithubSimulatorOptions;
const simulator = await startGithubSimulator(options);
process.stdout.write(`${JSON.stringify({ url: simulator.url, apiUrl: simulator.apiUrl })}\n`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void simulator.close().then(() => process.exit(0)));
