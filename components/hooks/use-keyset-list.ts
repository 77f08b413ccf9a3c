"use client";

import { keepPreviousData, useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";

import { apiFetch, type KeysetPage } from "@/lib/ui/api-client";

/**
 * A keyset-paginated list from one of our list routes. Filters go in `params` (empty ones are left out),
 * `listKey` makes the list's query key from them (`queryKeys.features.list`),
 * `query.fetchNextPage` loads more, `rows` is every loaded page flattened. `refetchInterval` may depend on
 * the rows, so a list can poll only while something in it is in flight.
 */
export function useKeysetList<T>({
  listKey,
  path,
  params = {},
  limit = 25,
  refetchInterval,
}: {
  listKey: (params: Record<string, string | undefined>) => QueryKey;
  path: string;
  params?: Record<string, string | undefined>;
  limit?: number;
  refetchInterval?: number | ((rows: T[]) => number | false);
}) {
  const query = useInfiniteQuery({
    queryKey: listKey(params),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: String(limit) });
      for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
      if (pageParam) search.set("cursor", pageParam);
      return apiFetch<KeysetPage<T>>(`${path}?${search}`);
    },
    getNextPageParam: (last) => last.next_cursor,
    // A new filter keeps the old rows on screen until its own arrive, rather than flashing "Loading".
    placeholderData: keepPreviousData,
    refetchInterval:
      typeof refetchInterval === "function"
        ? (current) => refetchInterval(current.state.data?.pages.flatMap((page) => page.data) ?? [])
        : refetchInterval,
  });
  // A stable array: TanStack Table re-renders endlessly when `data` is a new array on every render.
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  return { query, rows };
}
