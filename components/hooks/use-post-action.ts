import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

import { apiFetch } from "@/lib/ui/api-client";

/**
 * A button's action: POST to `path` (no body), then refetch the `refresh` queries. Only after a success,
 * unless `refreshOnError`: for an action whose refusal also means the data moved on.
 */
export function usePostAction<T = unknown>(path: string, refresh: QueryKey[], { refreshOnError = false } = {}) {
  const queryClient = useQueryClient();
  const refetch = () => Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return useMutation({
    mutationFn: () => apiFetch<T>(path, { method: "POST" }),
    ...(refreshOnError ? { onSettled: refetch } : { onSuccess: refetch }),
  });
}
