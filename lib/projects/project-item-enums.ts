// Plain tuples with no imports, used by the project_items columns, the webhook handlers and the pages.

/** What a project item is: the `kind` column of project_items. */
export const PROJECT_ITEM_KINDS = ["pull_request", "issue"] as const;
export type ProjectItemKind = (typeof PROJECT_ITEM_KINDS)[number];

/** A pull request's or issue's state, as GitHub reports it. */
export const PROJECT_ITEM_STATES = ["open", "closed"] as const;
export type ProjectItemState = (typeof PROJECT_ITEM_STATES)[number];
