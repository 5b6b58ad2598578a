import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { recordAudit } from "@/lib/server/audit/record-audit";
import type { Database } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { ZNewUser, type TNewUser, type TRole } from "@/lib/users";

export interface TCreatedUser {
  id: string;
  email: string;
  name: string;
  role: TRole;
}

function isUniqueViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return code === "P2002" || code === "23505" || (cause !== undefined && isUniqueViolation(cause));
}

/**
 * Creates a user who signs in with email and password, the way Better Auth
 * stores one (a "credential" account holding its scrypt hash), and records
 * it in the audit trail, all in one transaction. Used by `npm run admin:create`
 * (actorId null) and by admins on /admin/users. Throws AppError BAD_REQUEST
 * for invalid input or a weak password, CONFLICT for a taken email.
 */
export async function createUser(db: Database, input: TNewUser, actorId: string | null): Promise<TCreatedUser> {
  const parsed = ZNewUser.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("BAD_REQUEST", issue?.message ?? "Invalid user", { field: issue?.path.join("."), issue: issue?.code });
  }
  const { email, role, password } = parsed.data;
  const name = parsed.data.name || email.split("@")[0]!;
  const conflict = () => new AppError("CONFLICT", `A user with the email ${email} already exists.`, { field: "email" });
  if (await db.prisma.user.findUnique({ where: { email }, select: { id: true } })) throw conflict();

  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  try {
    await db.prisma.$transaction(async (tx) => {
      await tx.user.create({ data: { id, email, name, role, emailVerified: true } });
      await tx.account.create({
        data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: passwordHash },
      });
      await recordAudit(tx, { actorId, action: "user.created", details: { userId: id, email, role } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  return { id, email, name, role };
}
