"use client";

import { Building2, Plug, Plus, User } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { useInstallationAdmins, useInstallations, type InstallationView } from "@/components/hooks/use-installations";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { installErrorMessage } from "@/lib/github/install-errors";
import { cn } from "@/lib/ui/cn";

/**
 * The installations list, the Install button, and the outcome of an install that just came back from GitHub.
 * Everyone sees every installation (each one's repositories can be tracked and analyzed by anyone); a member
 * is also told whom to ask for a change.
 */
export function GithubInstallations({ installed, error, isAdmin }: { installed?: string; error?: string; isAdmin: boolean }) {
  const router = useRouter();
  const installations = useInstallations();
  const admins = useInstallationAdmins();
  const justInstalled = installations.data?.find((installation) => String(installation.id) === installed);
  // Dropping the query string keeps a reload from showing the outcome again.
  const dismiss = () => router.replace("/settings/github", { scroll: false });

  return (
    <>
      <PageHeader
        title="GitHub App"
        description="Where the App is installed and which repositories it can read. Projects and feature analyses use these installations."
        actions={
          <Button asChild>
            {/* A plain link: the server answers with a redirect to GitHub's install page. */}
            <a href="/auth/github/install/new">
              <Plus />
              Install GitHub App
            </a>
          </Button>
        }
      />
      <div className="flex flex-col gap-6">
        {installed && (
          <Alert variant="success" onDismiss={dismiss} data-testid="install-success">
            <p className="font-medium">GitHub App installed{justInstalled && ` on ${justInstalled.account.login}`}.</p>
            <p>
              Its repositories can now be tracked on{" "}
              <Link href="/projects" className="font-medium underline underline-offset-2">
                Projects
              </Link>
              .
            </p>
          </Alert>
        )}
        {error && (
          <Alert variant="error" onDismiss={dismiss} data-testid="install-error">
            <p className="font-medium">The installation was not completed.</p>
            <p>{installErrorMessage(error)}</p>
          </Alert>
        )}

        {!isAdmin && admins.data && (
          <Alert variant="info" announce={false} data-testid="ask-admins">
            {admins.data.length > 0 ? (
              <>
                Admins look after the App&apos;s installations. To reach another repository, ask{" "}
                {admins.data.map((login, index) => (
                  <span key={login}>
                    {index > 0 && (index === admins.data.length - 1 ? " or " : ", ")}
                    <span className="font-medium">@{login}</span>
                  </span>
                ))}
                .
              </>
            ) : (
              "Admins look after the App's installations; no admin has signed in yet."
            )}
          </Alert>
        )}
        <QueryStatus query={installations} what="installations" />
        {installations.data?.length === 0 && (
          <EmptyState icon={Plug} title="Not installed yet">
            Install the GitHub App on an account and choose its repositories; they show here once GitHub confirms.
            {!isAdmin && " Or ask an admin to."}
          </EmptyState>
        )}
        {installations.data && installations.data.length > 0 && (
          <Card className="overflow-hidden">
            <ul className="divide-y divide-border" aria-label="Installations" data-testid="installations">
              {installations.data.map((installation) => (
                <InstallationItem key={installation.id} installation={installation} highlighted={installation === justInstalled} />
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}

function InstallationItem({ installation, highlighted }: { installation: InstallationView; highlighted: boolean }) {
  const { account, repositories } = installation;
  const AccountIcon = account.type === "Organization" ? Building2 : User;
  return (
    <li className={cn("flex gap-4 p-5", highlighted && "bg-emerald-50/50")} aria-label={account.login}>
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-muted">
        <AccountIcon className="size-5 text-muted-foreground" />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span className="font-semibold">{account.login}</span>
          <span className="text-sm text-muted-foreground">{account.type}</span>
          {installation.suspended_at && (
            <StatusBadge status="suspended" title={`Suspended ${new Date(installation.suspended_at).toLocaleString()}`} />
          )}
          <Badge variant="outline">{installation.repository_selection === "all" ? "All repositories" : "Selected repositories"}</Badge>
          <span className="ml-auto text-xs text-muted-foreground">
            #{installation.id} · installed <RelativeTime value={installation.created_at} />
          </span>
        </div>
        {installation.suspended_at && (
          <Alert variant="warning" size="compact" announce={false}>
            Suspended on GitHub: its repositories cannot be tracked or analyzed until it is unsuspended.
          </Alert>
        )}
        {repositories.length === 0 ? (
          <p className="text-sm text-muted-foreground">No repositories: choose some in the App&apos;s settings on GitHub.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label={`Repositories of ${account.login}`}>
            {repositories.map((repository) => (
              <li key={repository}>
                <code className="rounded-md border border-border bg-muted/50 px-2 py-1 text-xs">{repository}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
