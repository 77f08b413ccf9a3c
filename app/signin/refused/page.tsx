import { ShieldX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { GITHUB_LOGIN, SIGN_IN_REFUSALS, type SignInRefusal } from "@/lib/auth/check-sign-in";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Sign-in refused" };

/** Only these texts are ever shown: the reason in the URL picks one, it is never echoed. */
const WHY: Record<SignInRefusal, string> = {
  not_allowed:
    "This Hooksmith lets in only the people and GitHub organisations its administrators have chosen, and your GitHub account is not one of them.",
  token_rejected: "GitHub did not accept the sign-in we were given, so your organisation membership could not be read. Sign in again.",
  check_failed: "GitHub could not be asked whether you belong to an allowed organisation just now. Try again in a few minutes.",
};

/** Where the sign-in policy (ALLOWED_GITHUB_ORGS / ALLOWED_GITHUB_LOGINS) sends a person it refuses: why, and whom to ask. */
export default async function SignInRefusedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const reason = SIGN_IN_REFUSALS.find((known) => known === params.reason) ?? "not_allowed";
  const login = typeof params.login === "string" && GITHUB_LOGIN.test(params.login) ? params.login : null;
  const { ADMIN_GITHUB_LOGINS: admins, ALLOWED_GITHUB_ORGS: orgs } = getConfig();

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader className="items-center text-center">
          <ShieldX className="mb-2 size-8 text-destructive" />
          <CardTitle>You cannot sign in to this Hooksmith</CardTitle>
          <CardDescription data-testid="refused-reason">
            {login && (
              <>
                Signed in to GitHub as <b>{login}</b>.{" "}
              </>
            )}
            {WHY[reason]}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4 text-sm">
          <section aria-label="Whom to ask" className="rounded-md border border-border p-3">
            {orgs.length > 0 && (
              <p>
                Members of {orgs.length === 1 ? "the GitHub organisation" : "these GitHub organisations"}{" "}
                {orgs.map((org, index) => (
                  <span key={org}>
                    {index > 0 && ", "}
                    <b>{org}</b>
                  </span>
                ))}{" "}
                may sign in: ask one of its owners to add you
                {reason === "not_allowed" ? " (a pending invitation must be accepted first)" : ""}.
              </p>
            )}
            <p className={orgs.length > 0 ? "mt-2" : undefined}>
              {admins.length > 0 ? (
                <>
                  Or ask an administrator of this Hooksmith to let you in:{" "}
                  {admins.map((admin, index) => (
                    <span key={admin}>
                      {index > 0 && ", "}
                      <b>{admin}</b>
                    </span>
                  ))}
                  .
                </>
              ) : (
                "Or ask whoever runs this Hooksmith to add your GitHub login to ALLOWED_GITHUB_LOGINS."
              )}
            </p>
          </section>
          <Button asChild variant="outline">
            <Link href="/signin">Try again with another GitHub account</Link>
          </Button>
        </CardContent>
      </Card>
    </main>
  );
}
