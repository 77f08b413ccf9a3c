import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { apiFetch } from "@/lib/ui/api-client";

/** A delete button's action: DELETE `path`, forget the thing's own query, refresh its list and go to `leaveTo`. */
export function useDeleteAction(path: string, { detail, list, leaveTo }: { detail: QueryKey; list: QueryKey; leaveTo: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch(path, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: detail });
      void queryClient.invalidateQueries({ queryKey: list });
      router.push(leaveTo);
    },
  });
}
