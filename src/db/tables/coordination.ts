/** Update ids an instance took in, so that a second delivery (to any instance) is not handled again. */
export interface SeenUpdatesTable {
  update_id: number;
  seen_at: string;
  /** While an instance handles the update: the end of its lease (ISO time). Null once handled. */
  handling_until: string | null;
  /** The instance holding the lease (host:pid:random); null once handled. */
  handled_by: string | null;
}

/** Updates one person sent in the current minute (RATE_LIMIT_PER_MINUTE), shared by every instance. */
export interface RateLimitWindowsTable {
  user_id: number;
  /** Start of the minute, in milliseconds since the epoch (from the injected clock). */
  window_start: number;
  hits: number;
}
