"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Link2, Loader2, Trash2, Unlink } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Confirmation } from "@/components/ui/confirmation";
import { Fact } from "@/components/ui/fact";
import { Field } from "@/components/ui/field";
import { FormError, FormSuccess } from "@/components/ui/form-message";
import { GitHubMark } from "@/components/ui/github-mark";
import { Input } from "@/components/ui/input";
import { PendingButton } from "@/components/ui/pending-button";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";
import type { LinkedAccountView } from "@/lib/users/linked-accounts";
import { profileSchema, type ProfileInput } from "@/lib/users/profile-input";
import type { UserView } from "@/lib/users/user-view";

type Me = UserView & { auth: "session" | "token" };

/** The profile's facts, each term above its value. */
const STACKED = "flex-col items-stretch gap-1";

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub" };
const providerName = (provider: string) => PROVIDER_NAMES[provider] ?? provider;

/** A full navigation, not a client-side one: the session has ended, so nothing cached may outlive it. */
const leaveFor = (path: string) => window.location.assign(path);

export function AccountSettings() {
  const me = useQuery({ queryKey: queryKeys.me.profile, queryFn: () => apiFetch<Me>("/api/v1/me") });
  const linked = useQuery({
    queryKey: queryKeys.me.accounts,
    queryFn: () => apiFetch<{ data: LinkedAccountView[] }>("/api/v1/me/accounts").then((body) => body.data),
  });

  return (
    <div className="flex flex-col gap-6">
      <QueryStatus query={me} what="your account" />
      {me.data && <ProfileCard user={me.data} />}
      <Card>
        <CardHeader>
          <CardTitle>Sign-in</CardTitle>
          <CardDescription>You sign in to Hooksmith with GitHub; your GitHub login decides your role.</CardDescription>
        </CardHeader>
        <CardContent>
          <QueryStatus query={linked} what="linked accounts" />
          {linked.data?.length === 0 && <p className="text-sm text-muted-foreground">No linked accounts.</p>}
          {linked.data && linked.data.length > 0 && (
            <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Linked accounts">
              {linked.data.map((account) => (
                <LinkedAccountItem
                  key={`${account.provider}:${account.provider_account_id}`}
                  account={account}
                  login={account.provider === "github" ? me.data?.login : null}
                />
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {me.data && <DeleteAccountCard login={me.data.login ?? me.data.id} />}
    </div>
  );
}

function ProfileCard({ user }: { user: Me }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<ProfileInput>({ resolver: zodResolver(profileSchema), defaultValues: { name: user.name ?? "" } });
  const save = useMutation({
    mutationFn: (values: ProfileInput) => apiFetch<Me>("/api/v1/me", { method: "PATCH", body: JSON.stringify(values) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me.profile, updated);
      form.reset({ name: updated.name ?? "" });
      // The header is rendered on the server: fetch it again with the new name.
      router.refresh();
    },
  });
  const { errors, isDirty } = form.formState;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
        <CardDescription>Login and email come from GitHub. The display name is yours to choose.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <dl className="flex flex-wrap gap-x-12 gap-y-4 text-sm" data-testid="profile">
          <Fact className={STACKED} term="Login">
            <span className="font-mono">{user.login ?? "—"}</span>
          </Fact>
          <Fact className={STACKED} term="Email">
            {user.email ?? "—"}
          </Fact>
          <Fact className={STACKED} term="Role">
            <Badge variant={user.role === "admin" ? "default" : "outline"}>{user.role}</Badge>
          </Fact>
          <Fact className={STACKED} term="Member since">
            <RelativeTime value={user.created_at} />
          </Fact>
        </dl>
        <form
          className="flex flex-col gap-2 sm:flex-row sm:items-end"
          noValidate
          onSubmit={form.handleSubmit((values) => save.mutate(values))}
        >
          <Field id="display-name" label="Display name" error={errors.name?.message} className="sm:max-w-sm sm:flex-1">
            <Input id="display-name" autoComplete="name" aria-invalid={Boolean(errors.name)} {...form.register("name")} />
          </Field>
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={save.isPending || !isDirty}>
              {save.isPending && <Loader2 className="animate-spin" />}
              Save name
            </Button>
            {save.isSuccess && !isDirty && (
              <FormSuccess>
                <Check className="size-4" /> Saved
              </FormSuccess>
            )}
          </div>
        </form>
        <FormError>{save.error?.message}</FormError>
      </CardContent>
    </Card>
  );
}

/** `login`: the GitHub login the account belongs to (a person's Hooksmith login is their GitHub login). */
function LinkedAccountItem({ account, login }: { account: LinkedAccountView; login?: string | null }) {
  const [confirming, setConfirming] = useState(false);
  const name = providerName(account.provider);
  const unlink = useMutation({
    mutationFn: () =>
      apiFetch<{ signed_out: boolean }>(`/api/v1/me/accounts/${encodeURIComponent(account.provider)}`, { method: "DELETE" }),
    // Signing in again with the same account links it back, and brings the person back here.
    onSuccess: () => leaveFor(`/signin?callbackUrl=${encodeURIComponent("/settings/account")}`),
  });

  return (
    <li className="flex flex-col gap-4 p-4" aria-label={name}>
      <div className="flex items-center gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-muted">
          {account.provider === "github" ? <GitHubMark className="size-4" /> : <Link2 className="size-4 text-muted-foreground" />}
        </span>
        <div className="min-w-0 flex-1">
          <div className="font-medium">
            {name}
            {login && <span data-testid="linked-login"> · {login}</span>}
          </div>
          <div className="text-xs text-muted-foreground">Account #{account.provider_account_id}</div>
        </div>
        <Badge variant="outline">linked</Badge>
        {!confirming && (
          <Button variant="outline" size="sm" onClick={() => setConfirming(true)}>
            <Unlink />
            Unlink {name}
          </Button>
        )}
      </div>
      {confirming && (
        <Confirmation
          title={`Unlink ${name}?`}
          error={unlink.error?.message}
          actions={
            <>
              <PendingButton variant="destructive" size="sm" pending={unlink.isPending} icon={Unlink} onClick={() => unlink.mutate()}>
                Unlink and sign out
              </PendingButton>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </>
          }
        >
          {name} is your only way to sign in, so unlinking it signs you out everywhere and Hooksmith forgets its {name} token. Your account
          and data stay: sign in with the same {name} account to link it again.
        </Confirmation>
      )}
    </li>
  );
}

function DeleteAccountCard({ login }: { login: string }) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const matches = typed.trim().toLowerCase() === login.toLowerCase();
  const remove = useMutation({
    mutationFn: () => apiFetch("/api/v1/me", { method: "DELETE", body: JSON.stringify({ confirm_login: typed }) }),
    onSuccess: () => leaveFor("/signin"),
  });

  return (
    <Card className="border-destructive/30">
      <CardHeader>
        <CardTitle className="text-destructive">Delete account</CardTitle>
        <CardDescription>
          Deletes your account with its linked GitHub account and API tokens, and signs you out. Features and projects you created stay,
          without your name. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {confirming ? (
          <Confirmation
            title="Delete your account for good?"
            error={remove.error?.message}
            actions={
              <>
                <PendingButton
                  variant="destructive"
                  size="sm"
                  pending={remove.isPending}
                  icon={Trash2}
                  disabled={!matches || remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  Delete my account
                </PendingButton>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    setConfirming(false);
                    setTyped("");
                  }}
                >
                  Cancel
                </Button>
              </>
            }
          >
            <Field id="confirm-login" label={`Type your login, ${login}, to confirm`} className="max-w-sm">
              <Input
                id="confirm-login"
                className="text-foreground"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </Field>
          </Confirmation>
        ) : (
          <Button
            variant="outline"
            className="border-destructive/40 text-destructive hover:bg-destructive/5"
            onClick={() => setConfirming(true)}
          >
            <Trash2 />
            Delete account
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

/** The second step of a destructive action: what will happen, then the buttons that do it or back out. */
