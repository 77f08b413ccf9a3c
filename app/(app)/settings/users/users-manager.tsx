"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LogOut, Users } from "lucide-react";

import { EmptyState } from "@/components/shell/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-message";
import { QueryStatus } from "@/components/ui/query-status";
import { RelativeTime } from "@/components/ui/relative-time";
import { SimpleTable, SimpleTableRow } from "@/components/ui/simple-table";
import { apiFetch } from "@/lib/ui/api-client";
import { queryKeys } from "@/lib/ui/query-keys";
import type { AdminUserView } from "@/lib/users/list-users";

const COLUMNS = ["Person", "Role", "API tokens", "Sessions", ""];

/** Admins: everyone's role and working tokens; revoke any token, sign anyone out of every browser. */
export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({
    queryKey: queryKeys.adminUsers,
    queryFn: () => apiFetch<{ data: AdminUserView[] }>("/api/v1/admin/users").then((body) => body.data),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => apiFetch(`/api/v1/admin/tokens/${tokenId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const endSessions = useMutation({
    mutationFn: (userId: string) => apiFetch(`/api/v1/admin/users/${encodeURIComponent(userId)}/end-sessions`, { method: "POST" }),
    onSuccess: refresh,
  });

  return (
    <Card>
      <CardContent className="pt-6">
        <QueryStatus query={users} what="users" />
        {users.data?.length === 0 && <EmptyState icon={Users} title="Nobody has signed in yet" />}
        {users.data && users.data.length > 0 && (
          <SimpleTable columns={COLUMNS} testId="users-table">
            {users.data.map((user) => (
              <SimpleTableRow key={user.id}>
                <td className="py-2 align-top">
                  <div className="font-medium">{user.login ?? user.name}</div>
                  {user.login && user.name !== user.login && <div className="text-xs text-muted-foreground">{user.name}</div>}
                  {user.policy_refusal && (
                    <Badge variant="muted" title="At the last organisation check, the sign-in policy refused them">
                      no longer allowed
                    </Badge>
                  )}
                </td>
                <td className="py-2 align-top">
                  <Badge variant={user.role === "admin" ? "default" : "outline"}>{user.role}</Badge>
                </td>
                <td className="py-2 align-top">
                  {user.active_tokens.length === 0 && <span className="text-muted-foreground">none</span>}
                  <ul className="flex flex-col gap-1" aria-label={`API tokens of ${user.login ?? user.name}`}>
                    {user.active_tokens.map((token) => (
                      <li key={token.id} className="flex items-center gap-2">
                        <span className="font-mono text-xs whitespace-nowrap">{token.prefix}…</span>
                        <span>{token.name}</span>
                        {token.scope === "read" && <Badge variant="muted">read-only</Badge>}
                        <Button
                          variant="outline"
                          size="sm"
                          aria-label={`Revoke ${token.name} of ${user.login ?? user.name}`}
                          disabled={revoke.isPending && revoke.variables === token.id}
                          onClick={() => revoke.mutate(token.id)}
                        >
                          Revoke
                        </Button>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="py-2 align-top text-xs text-muted-foreground">
                  {user.sessions_ended_at ? (
                    <>
                      ended <RelativeTime value={user.sessions_ended_at} />
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="py-2 text-right align-top">
                  {user.id !== currentUserId && user.login && (
                    <Button
                      variant="outline"
                      size="sm"
                      aria-label={`End sessions of ${user.login}`}
                      disabled={endSessions.isPending && endSessions.variables === user.id}
                      onClick={() => endSessions.mutate(user.id)}
                    >
                      <LogOut />
                      End sessions
                    </Button>
                  )}
                </td>
              </SimpleTableRow>
            ))}
          </SimpleTable>
        )}
        <FormError className="mt-2">{revoke.error?.message ?? endSessions.error?.message}</FormError>
      </CardContent>
    </Card>
  );
}
