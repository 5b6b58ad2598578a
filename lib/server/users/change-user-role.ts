import "server-only";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZRole, type TRole } from "@/lib/users";

/**
 * Gives a user another role and records who did it. An admin cannot demote
 * themselves, so there is always someone left who can manage users.
 * Takes effect on the user's next request (sessions read the role from the database).
 */
export async function changeUserRole(db: Database, userId: string, role: TRole, actorId: string): Promise<void> {
  const parsed = ZRole.safeParse(role);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Role must be admin or editor", { field: "role" });
  if (userId === actorId && parsed.data !== "admin") {
    throw new AppError("BAD_REQUEST", "You cannot remove your own admin role; ask another admin.", {
      field: "role",
      reason: "own_admin_role",
    });
  }
  await db.prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === parsed.data) return;
    await tx.user.update({ where: { id: userId }, data: { role: parsed.data, updatedAt: new Date() } });
    await recordAudit(tx, {
      actorId,
      action: "user.role_changed",
      details: { userId, email: user.email, from: user.role, to: parsed.data },
    });
  });
}
