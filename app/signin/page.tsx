import { Anvil } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { auth, signIn } from "@/auth";
import { DemoBadge } from "@/components/shell/demo-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { GitHubMark } from "@/components/ui/github-mark";
import { getConfig } from "@/lib/config";
import { localPath } from "@/lib/http/local-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only a path on this site, so a crafted link cannot bounce a person elsewhere after sign-in.
  const callbackUrl = localPath(params.callbackUrl);
  const session = await auth();
  if (session?.user?.id) redirect(callbackUrl);
  const { demoMode } = getConfig();

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-sm">
        <CardHeader className="items-center text-center">
          <Anvil className="mb-2 size-8 text-primary" />
          <CardTitle>Sign in to Hooksmith</CardTitle>
          <CardDescription>Use your GitHub account. Your GitHub login decides your role.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col items-center gap-4">
          {params.error && (
            <Alert variant="error" size="compact" className="w-full">
              Sign-in did not complete ({String(params.error)}). Try again.
            </Alert>
          )}
          <form
            className="w-full"
            action={async () => {
              "use server";
              await signIn("github", { redirectTo: callbackUrl });
            }}
          >
            <Button type="submit" className="w-full" size="lg">
              <GitHubMark />
              Sign in with GitHub
            </Button>
          </form>
          <DemoBadge />
          {demoMode && (
            <p className="text-center text-xs text-muted-foreground">
              No GitHub credentials are configured, so sign-in goes through the built-in GitHub simulator, where you pick a simulated user.
            </p>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
