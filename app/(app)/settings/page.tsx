import { Activity, ChevronRight, FolderGit2, KeyRound, Plug, ScrollText, Users, Webhook } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { auth } from "@/auth";
import { PageHeader } from "@/components/shell/page-header";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  {
    href: "/settings/account",
    title: "Account",
    description: "Your display name, how you sign in, and deleting your account.",
    icon: KeyRound,
  },
  { href: "/settings/tokens", title: "API tokens", description: "Personal tokens for scripts and CI.", icon: KeyRound },
  { href: "/settings/github", title: "GitHub App", description: "Installations of the App and the repositories they reach.", icon: Plug },
];

const ADMIN_SECTIONS = [
  {
    href: "/settings/webhooks",
    title: "Outbound webhooks",
    description: "Endpoints from webhooks.yaml: reload them, send a test event, pause and resume.",
    icon: Webhook,
  },
  {
    href: "/settings/users",
    title: "Users",
    description: "Everyone's role and API tokens: revoke any token, sign anyone out everywhere.",
    icon: Users,
  },
  {
    href: "/settings/audit",
    title: "Audit log",
    description: "Who did what, when and from where.",
    icon: ScrollText,
  },
  {
    href: "/settings/repositories",
    title: "Repositories",
    description: "Each repository's callback key, and the workflow file and ref its analyses run.",
    icon: FolderGit2,
  },
  {
    href: "/settings/operations",
    title: "Operations",
    description: "Queue depth, deliveries, inbound events, analyses and job runs: what /metrics exports.",
    icon: Activity,
  },
];

export default async function SettingsPage() {
  const session = await auth();
  return (
    <>
      <PageHeader title="Settings" />
      <Card className="divide-y divide-border">
        {[...SECTIONS, ...(session?.user.role === "admin" ? ADMIN_SECTIONS : [])].map(({ href, title, description, icon: Icon }) => (
          <Link key={href} href={href} className="flex items-center gap-4 p-4 hover:bg-muted/60">
            <Icon className="size-5 text-muted-foreground" />
            <div className="flex-1">
              <div className="font-medium">{title}</div>
              <div className="text-sm text-muted-foreground">{description}</div>
            </div>
            <ChevronRight className="size-4 text-muted-foreground" />
          </Link>
        ))}
      </Card>
    </>
  );
}
