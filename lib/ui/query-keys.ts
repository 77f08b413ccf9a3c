/** The filters of a keyset list, as its hook sends them; part of the list's key, so each filter has its own cache entry. */
type ListParams = Record<string, string | undefined>;

/**
 * Every react-query key the pages use, so a query and the mutation that invalidates it name the same thing.
 * `all` is a list's prefix: invalidating it refreshes every filtered page of that list. A detail's key is not
 * under its list's prefix (["feature", id], not ["features", id]), so refreshing a list leaves an open detail alone.
 */
export const queryKeys = {
  features: {
    all: ["features"],
    list: (params: ListParams) => ["features", params],
    detail: (id: string) => ["feature", id],
  },
  projects: {
    all: ["projects"],
    list: (params: ListParams) => ["projects", params],
    detail: (id: string) => ["project", id],
  },
  jobRuns: {
    all: ["job-runs"],
    list: (params: ListParams) => ["job-runs", params],
    detail: (id: string) => ["job-run", id],
  },
  webhookEvents: {
    all: ["webhook-events"],
    list: (params: ListParams) => ["webhook-events", params],
    detail: (id: string) => ["webhook-event", id],
  },
  webhookHealth: ["webhook-health"],
  webhookRecoveries: ["webhook-recoveries"],
  webhookEndpoints: ["webhook-endpoints"],
  /** Under the list's prefix on purpose: a reload, pause or test refreshes the endpoint's page too. */
  webhookEndpoint: (id: string) => ["webhook-endpoints", id],
  webhookDeliveries: {
    all: ["webhook-deliveries"],
    list: (params: ListParams) => ["webhook-deliveries", params],
    detail: (id: string) => ["webhook-deliveries", "detail", id],
  },
  githubInstallations: ["github-installations"],
  repositorySettings: (repository: string) => ["repository-settings", repository.toLowerCase()],
  apiTokens: ["api-tokens"],
  adminUsers: ["admin-users"],
  auditLog: {
    list: (params: ListParams) => ["audit-log", params],
  },
  me: {
    profile: ["me"],
    accounts: ["me", "accounts"],
  },
} as const;
