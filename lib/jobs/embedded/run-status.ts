/**
 * The statuses of a run of the embedded executor and the moves between them, in one place: the
 * database enum, the API's filter, the /jobs page and the executor all read them from here.
 * lib/jobs/README.md draws the diagram.
 */

/** Every status, in the order the /jobs page lists them. */
export const RUN_STATUSES = ["queued", "running", "sleeping", "waiting", "completed", "failed", "cancelled"] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

/** Not ended yet: such a run holds its singleton key and can be cancelled. */
export const ACTIVE_RUN_STATUSES = ["queued", "running", "sleeping", "waiting"] as const satisfies readonly RunStatus[];

/** Parked until `next_run_at`: claimed once that time has come (a running run is claimed only when its lease ran out). */
export const PARKED_RUN_STATUSES = ["queued", "sleeping", "waiting"] as const satisfies readonly RunStatus[];

/** Ended in a way a person may want to run again: a retry starts from the memoized steps. */
export const RETRYABLE_RUN_STATUSES = ["failed", "cancelled"] as const satisfies readonly RunStatus[];

/**
 * Where each status may go next:
 * - queued → running: claimed by a driver;
 * - running → queued (a step finished, or a retry after an error), sleeping, waiting, completed, failed:
 *   what the SDK answered; running → running: a driver takes over a run whose lease ran out;
 * - sleeping → running, waiting → running: claimed when the sleep ends or the wait times out;
 * - waiting → queued: the awaited event arrived;
 * - any active status → cancelled: by a person, a `cancelOn` event or a newer singleton run;
 * - failed, cancelled → queued: retried by a person.
 */
export const RUN_TRANSITIONS: { readonly [From in RunStatus]: readonly RunStatus[] } = {
  queued: ["running", "cancelled"],
  running: ["running", "queued", "sleeping", "waiting", "completed", "failed", "cancelled"],
  sleeping: ["running", "cancelled"],
  waiting: ["running", "queued", "cancelled"],
  completed: [],
  failed: ["queued"],
  cancelled: ["queued"],
};

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return RUN_TRANSITIONS[from].includes(to);
}

/** Throws when the executor is about to make a move the table does not allow: a bug, never a user's mistake. */
export function assertTransition(from: RunStatus, to: RunStatus): void {
  if (!canTransition(from, to)) throw new Error(`A ${from} job run cannot become ${to}`);
}
