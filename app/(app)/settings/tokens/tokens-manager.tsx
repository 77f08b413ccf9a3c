"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, Copy, KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { EmptyState } from "@/components/shell/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PendingButton } from "@/components/ui/pending-button";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { SimpleTable, SimpleTableRow, SimpleTableTimeCell } from "@/components/ui/simple-table";
import { API_TOKEN_SCOPES } from "@/lib/auth/api-token-scopes";
import type { ApiTokenView } from "@/lib/auth/api-token-view";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";

/** How long a new token lasts: days, or never (until revoked). */
const LIFETIMES = { "30 days": 30, "90 days": 90, "1 year": 365, "no expiry": null } as const;
type Lifetime = keyof typeof LIFETIMES;

const newTokenForm = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100, "At most 100 characters"),
  scope: z.enum(API_TOKEN_SCOPES),
  lifetime: z.enum(Object.keys(LIFETIMES) as [Lifetime, ...Lifetime[]]),
});
type NewTokenForm = z.infer<typeof newTokenForm>;

const TOKEN_COLUMNS = ["Name", "Token", "Access", "Created", "Last used", "Expires", "Status", ""];

function tokenBody({ name, scope, lifetime }: NewTokenForm) {
  const days = LIFETIMES[lifetime];
  return { name, scope, expires_at: days === null ? null : new Date(Date.now() + days * 86_400_000).toISOString() };
}

const expired = (token: ApiTokenView) => token.expires_at !== null && new Date(token.expires_at).getTime() <= Date.now();

export function TokensManager() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const tokens = useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: () => apiFetch<{ data: ApiTokenView[] }>("/api/v1/tokens").then((body) => body.data),
  });
  const form = useForm<NewTokenForm>({
    resolver: zodResolver(newTokenForm),
    defaultValues: { name: "", scope: "write", lifetime: "90 days" },
  });
  const create = useMutation({
    mutationFn: (values: NewTokenForm) =>
      apiFetch<{ token: ApiTokenView; secret: string }>("/api/v1/tokens", { method: "POST", body: JSON.stringify(tokenBody(values)) }),
    onSuccess: ({ token, secret }) => {
      setCreated({ name: token.name, secret });
      form.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens }),
  });

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>New token</CardTitle>
          <CardDescription>The token is shown once. Store it in your script&apos;s secrets.</CardDescription>
        </CardHeader>
        <CardContent>
          <form className="flex flex-wrap items-start gap-3" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <Field id="token-name" label="Token name" className="min-w-48 flex-1">
              <Input
                id="token-name"
                placeholder="e.g. CI release pipeline"
                aria-invalid={Boolean(form.formState.errors.name)}
                {...form.register("name")}
              />
              <FormError announce={false}>{form.formState.errors.name?.message}</FormError>
              <FormError>{create.error?.message}</FormError>
            </Field>
            <Field id="token-scope" label="Access">
              <NativeSelect id="token-scope" {...form.register("scope")}>
                <option value="write">read and write</option>
                <option value="read">read-only</option>
              </NativeSelect>
            </Field>
            <Field id="token-lifetime" label="Expires after">
              <NativeSelect id="token-lifetime" {...form.register("lifetime")}>
                {Object.keys(LIFETIMES).map((lifetime) => (
                  <option key={lifetime} value={lifetime}>
                    {lifetime === "no expiry" ? "never" : lifetime}
                  </option>
                ))}
              </NativeSelect>
            </Field>
            <PendingButton type="submit" className="sm:mt-5.5" pending={create.isPending} icon={Plus}>
              Create token
            </PendingButton>
          </form>
          {created && <NewSecret {...created} />}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Your tokens</CardTitle>
        </CardHeader>
        <CardContent>
          <QueryStatus query={tokens} what="tokens" />
          {tokens.data?.length === 0 && (
            <EmptyState icon={KeyRound} title="No tokens yet">
              Create one above to call the API from a script.
            </EmptyState>
          )}
          {tokens.data && tokens.data.length > 0 && (
            <SimpleTable columns={TOKEN_COLUMNS} testId="tokens-table">
              {tokens.data.map((token) => (
                <SimpleTableRow key={token.id}>
                  <td className="py-2 font-medium">{token.name}</td>
                  <td className="py-2 font-mono text-xs whitespace-nowrap text-muted-foreground">{token.prefix}…</td>
                  <td className="py-2">{token.scope === "read" ? "read-only" : "read and write"}</td>
                  <SimpleTableTimeCell value={token.created_at} />
                  <SimpleTableTimeCell value={token.last_used_at} />
                  <td className="py-2">{token.expires_at ? <RelativeTime value={token.expires_at} /> : "never"}</td>
                  <td className="py-2">
                    {token.revoked_at ? (
                      <Badge variant="muted">revoked</Badge>
                    ) : expired(token) ? (
                      <Badge variant="muted">expired</Badge>
                    ) : (
                      <Badge variant="outline">active</Badge>
                    )}
                  </td>
                  <td className="py-2 text-right">
                    {!token.revoked_at && !expired(token) && (
                      <Button
                        variant="outline"
                        size="sm"
                        aria-label={`Revoke ${token.name}`}
                        disabled={revoke.isPending && revoke.variables === token.id}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </SimpleTableRow>
              ))}
            </SimpleTable>
          )}
          <FormError className="mt-2">{revoke.error?.message}</FormError>
        </CardContent>
      </Card>
    </>
  );
}

function NewSecret({ name, secret }: { name: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Alert variant="success" announce={false} className="mt-4" data-testid="new-token">
      <p className="font-medium">Token “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex items-center gap-2">
        <code data-testid="new-token-secret" className="flex-1 overflow-x-auto rounded bg-card px-2 py-1.5 font-mono text-xs">
          {secret}
        </code>
        <Button variant="outline" size="sm" onClick={() => void navigator.clipboard?.writeText(secret).then(() => setCopied(true))}>
          {copied ? <Check /> : <Copy />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </Alert>
  );
}
