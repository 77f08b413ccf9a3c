import type { Metadata } from "next";

import { auth } from "@/auth";

import { GithubInstallations } from "./github-installations";

export const metadata: Metadata = { title: "GitHub App" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Installations of the GitHub App; the install callback lands here with `?installed=<id>` or `?error=<code>`. */
export default async function GithubSettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, session] = await Promise.all([searchParams, auth()]);
  return <GithubInstallations installed={first(params.installed)} error={first(params.error)} isAdmin={session?.user.role === "admin"} />;
}
