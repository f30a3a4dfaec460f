import type { PageSize } from "./page";

/**
 * `?limit=` of each list endpoint: the default, and the most one page may hold
 * (a larger limit is a 422). docs/api.md states them with each endpoint.
 */
export const PAGE_SIZES = {
  workspaces: { defaultLimit: 50, maxLimit: 200 },
  reports: { defaultLimit: 50, maxLimit: 200 },
  members: { defaultLimit: 50, maxLimit: 200 },
  invitations: { defaultLimit: 50, maxLimit: 200 },
  tags: { defaultLimit: 100, maxLimit: 500 },
  // A thread usually fits one page: people read a discussion from its start.
  replies: { defaultLimit: 100, maxLimit: 500 },
  history: { defaultLimit: 50, maxLimit: 200 },
  orphans: { defaultLimit: 50, maxLimit: 200 },
  versions: { defaultLimit: 50, maxLimit: 200 },
  notifications: { defaultLimit: 50, maxLimit: 200 },
  assignments: { defaultLimit: 50, maxLimit: 200 },
  tokens: { defaultLimit: 50, maxLimit: 200 },
  shareLinks: { defaultLimit: 50, maxLimit: 200 },
} as const satisfies Record<string, PageSize>;
