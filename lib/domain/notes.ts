/** What a browser needs to co-edit a report's notes: where, which document, and a token the collaboration server trusts. */
export interface CollabTicket {
  url: string;
  document: string;
  token: string;
  /** Seconds since the epoch; ask for a new ticket before then. */
  expiresAt: number;
  readOnly: boolean;
  user: { id: string; name: string; color: string };
}
