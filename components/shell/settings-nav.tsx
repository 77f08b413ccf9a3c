"use client";

import { Activity, CircleUser, FolderGit2, KeyRound, ScrollText, Users, Webhook } from "lucide-react";

import { GitHubMark } from "@/components/ui/github-mark";

import { NavItem, type NavEntry } from "./nav-item";

const MEMBER_ENTRIES: NavEntry[] = [
  { href: "/settings/account", label: "Account", icon: CircleUser },
  { href: "/settings/tokens", label: "API tokens", icon: KeyRound },
  { href: "/settings/github", label: "GitHub App", icon: GitHubMark },
];

/** Pages that answer "Admins only" to a member, so a member is never offered them. */
const ADMIN_ENTRIES: NavEntry[] = [
  { href: "/settings/repositories", label: "Repositories", icon: FolderGit2 },
  { href: "/settings/webhooks", label: "Outbound webhooks", icon: Webhook },
  { href: "/settings/users", label: "Users", icon: Users },
  { href: "/settings/audit", label: "Audit log", icon: ScrollText },
  { href: "/settings/operations", label: "Operations", icon: Activity },
];

/** The settings pages' left column, like GitHub's: the person's own settings, then (for an admin) the instance's. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const link = (entry: NavEntry) => <NavItem key={entry.href} {...entry} className="py-1.5" activeClassName="font-medium" />;
  return (
    <nav aria-label="Settings" className="flex flex-col gap-0.5">
      {MEMBER_ENTRIES.map(link)}
      {isAdmin && (
        <>
          <h2 className="mt-4 mb-1 px-3 text-xs font-semibold tracking-wide text-muted-foreground uppercase">Administration</h2>
          {ADMIN_ENTRIES.map(link)}
        </>
      )}
    </nav>
  );
}
