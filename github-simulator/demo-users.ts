import { createHash } from "node:crypto";

/** Simulated GitHub people offered on the simulator's authorize page; any other login can be typed. */
export const DEMO_USERS = [
  { login: "pm-alice", name: "Alice Moreau" },
  { login: "dev-bob", name: "Bob Okafor" },
  { login: "octocat", name: "The Octocat" },
] as const;

export const GITHUB_LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;

/** A stable numeric id for a simulated object, so it keeps its identity across restarts. */
export function stableId(key: string): number {
  return (createHash("sha256").update(key.toLowerCase()).digest().readUInt32BE(0) % 90_000_000) + 10_000_000;
}

export const simulatedUserId = (login: string) => stableId(login);

export function simulatedUserName(login: string): string | null {
  return DEMO_USERS.find((user) => user.login === login.toLowerCase())?.name ?? null;
}
