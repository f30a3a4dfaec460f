import type { RoleName } from "./words";

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: RoleName;
  joinedAt: Date;
}
