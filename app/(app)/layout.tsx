import { Anvil, LogOut } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { auth, signOut } from "@/auth";
import { DemoBadge } from "@/components/shell/demo-badge";
import { NavLinks } from "@/components/shell/nav-links";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

/** The signed-in shell. The proxy already redirects strangers; this re-checks the user still exists. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user?.id) redirect("/signin");
  const { user } = session;
  // The display name the person chose, next to the GitHub login that identifies them.
  const showName = Boolean(user.name) && user.name !== user.login;

  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-border bg-card p-4">
        <div className="mb-6 flex items-center gap-2 px-3 text-lg font-semibold">
          <Anvil className="size-5 text-primary" />
          Hooksmith
        </div>
        <NavLinks isAdmin={user.role === "admin"} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b border-border bg-card px-6">
          <DemoBadge />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link
              href="/settings/account"
              title="Your account"
              className="flex min-w-0 items-baseline gap-2 rounded-md px-2 py-1 hover:bg-muted"
            >
              {showName && (
                <span data-testid="current-user-name" className="block max-w-64 truncate font-medium" title={user.name ?? undefined}>
                  {user.name}
                </span>
              )}
              <span data-testid="current-user" className={showName ? "text-muted-foreground" : "font-medium"}>
                {user.login ?? user.name}
              </span>
            </Link>
            {user.role === "admin" && <Badge variant="muted">admin</Badge>}
            <form
              action={async () => {
                "use server";
                await signOut({ redirectTo: "/signin" });
              }}
            >
              <Button variant="ghost" size="sm" type="submit">
                <LogOut />
                Sign out
              </Button>
            </form>
          </div>
        </header>
        {/* Text people write (a long unbroken name, a URL) breaks anywhere rather than widening the page. */}
        <main className="mx-auto w-full max-w-6xl min-w-0 flex-1 p-6 wrap-anywhere">{children}</main>
      </div>
    </div>
  );
}
