"use client";

import { Activity, CircleUser, FolderGit2, KeyRound, ScrollText, Users, Webhook } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType } from "react";

import { GitHubMark } from "@/components/ui/github-mark";
import { cn } from "@/lib/ui/cn";

type Entry = { href: string; label: string; icon: ComponentType<{ className?: string }> };

const MEMBER_ENTRIES: Entry[] = [
  { href: "/settings/account", label: "Account", icon: CircleUser },
  { href: "/settings/tokens", label: "API tokens", icon: KeyRound },
  { href: "/settings/github", label: "GitHub App", icon: GitHubMark },
];

/** Pages that answer "Admins only" to a member, so a member is never offered them. */
const ADMIN_ENTRIES: Entry[] = [
  { href: "/settings/repositories", label: "Repositories", icon: FolderGit2 },
  { href: "/settings/webhooks", label: "Outbound webhooks", icon: Webhook },
  { href: "/settings/users", label: "Users", icon: Users },
  { href: "/settings/audit", label: "Audit log", icon: ScrollText },
  { href: "/settings/operations", label: "Operations", icon: Activity },
];

/** The settings pages' left column, like GitHub's: the person's own settings, then (for an admin) the instance's. */
export function SettingsNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const link = ({ href, label, icon: Icon }: Entry) => {
    const active = pathname === href || pathname.startsWith(`${href}/`);
    return (
      <Link
        key={href}
        href={href}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex items-center gap-2 rounded-md px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground",
          active && "bg-muted font-medium text-foreground",
        )}
      >
        <Icon className="size-4 shrink-0" />
        {label}
      </Link>
    );
  };
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
