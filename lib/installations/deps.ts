import "server-only";

import type { Database } from "@/db";
import type { GithubApp } from "@/lib/github/github-app";

/** What installation writes need: the database, and the App client for those that confirm with GitHub first. */
export interface InstallationDeps {
  db: Database;
  githubApp: GithubApp;
}
