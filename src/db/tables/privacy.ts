export interface ForgetRequestsTable {
  /** A person who asked to be forgotten while organisers still held one of their letters. */
  user_id: number;
  requested_at: string;
}
