/** One entry of an activity feed, as the API returns it. */
export interface ActivityItem {
  id: string;
  type: string;
  at: string;
  actor: { id: string; name: string } | null;
  report: { id: string; title: string };
  workspace: { slug: string };
  item: { type: string; id: string; parentId: string | null };
  summary: string;
  href: string;
}

export interface ActivityPage {
  items: ActivityItem[];
  nextCursor: string | null;
}
