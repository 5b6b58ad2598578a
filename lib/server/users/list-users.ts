import "server-only";
import type { Database } from "@/lib/server/db";
import type { TRole } from "@/lib/users";

export interface TUserRow {
  id: string;
  email: string;
  name: string;
  role: TRole;
  createdAt: Date;
}

/** Every user, admins first, then by email. */
export async function listUsers(db: Database): Promise<TUserRow[]> {
  return db.prisma.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
}
