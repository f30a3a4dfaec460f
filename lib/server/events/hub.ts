import "server-only";
import { db } from "@/lib/db";
import { listPresence } from "./presence";

/** How often an instance checks that the people it streams a report to are still members. */
const MEMBERSHIP_EVERY_MS = 3_000;
/** How often presence is re-read even without news (pages that went quiet expire). */
const PRESENCE_EVERY_MS = 10_000;

export interface HubMember {
  userId: string;
  presence: (json: string) => void;
  revoke: () => void;
}

/**
 * The streams one instance serves for one report share their checks: one
 * membership query and one presence query per report per interval, however
 * many streams are open (instead of one per stream).
 */
class ReportHub {
  readonly members = new Set<HubMember>();
  private presenceJson: string | null = null;
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly membershipTimer: ReturnType<typeof setInterval>;
  private readonly expiryTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly reportId: string,
    private readonly workspaceId: string,
    private readonly onEmpty: () => void,
  ) {
    this.membershipTimer = setInterval(() => void this.checkMembership().catch(() => undefined), MEMBERSHIP_EVERY_MS);
    this.expiryTimer = setInterval(() => this.presenceChanged(0), PRESENCE_EVERY_MS);
  }

  add(member: HubMember): void {
    this.members.add(member);
    if (this.presenceJson !== null) member.presence(this.presenceJson);
    this.presenceChanged(0);
  }

  remove(member: HubMember): void {
    this.members.delete(member);
    if (this.members.size === 0) {
      clearInterval(this.membershipTimer);
      clearInterval(this.expiryTimer);
      if (this.presenceTimer) clearTimeout(this.presenceTimer);
      this.onEmpty();
    }
  }

  /** Someone's presence changed: re-read it once, shortly, for every stream. */
  presenceChanged(delayMs = 100): void {
    if (this.presenceTimer) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      void this.refreshPresence().catch(() => undefined);
    }, delayMs);
  }

  private async refreshPresence(): Promise<void> {
    const json = JSON.stringify({ people: await listPresence(this.reportId) });
    if (json === this.presenceJson) return;
    this.presenceJson = json;
    for (const m of this.members) m.presence(json);
  }

  private async checkMembership(): Promise<void> {
    const users = [...new Set([...this.members].map((m) => m.userId))];
    if (!users.length) return;
    const rows = await db.membership.findMany({
      where: { workspaceId: this.workspaceId, userId: { in: users } },
      select: { userId: true },
    });
    const still = new Set(rows.map((r) => r.userId));
    for (const m of [...this.members]) if (!still.has(m.userId)) m.revoke();
  }
}

const hubs = new Map<string, ReportHub>();

export function reportHub(reportId: string, workspaceId: string): ReportHub {
  let hub = hubs.get(reportId);
  if (!hub) {
    hub = new ReportHub(reportId, workspaceId, () => hubs.delete(reportId));
    hubs.set(reportId, hub);
  }
  return hub;
}
