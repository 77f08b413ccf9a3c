"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

import { ApiClientError } from "@/lib/ui/api-client";

// A 4xx (not found, forbidden, invalid) answers the same on a second try: only retry the rest once.
const retry = (failures: number, error: Error) => failures < 1 && !(error instanceof ApiClientError && error.status < 500);

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry, refetchOnWindowFocus: true } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
