"use server";
// Server actions of /admin/users (admins only): create a user, change a role.
import { revalidatePath } from "next/cache";
import { requireActionUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser } from "@/lib/server/users/create-user";
import type { TRole, TUserActionState } from "@/lib/users";

function failure(error: unknown): Extract<TUserActionState, { status: "error" }> {
  if (error instanceof AppError) {
    const field = typeof error.details?.field === "string" ? error.details.field : undefined;
    return { status: "error", message: error.message, field };
  }
  if (isDatabaseUnavailable(error))
    return { status: "error", message: "The database is unavailable. Try again in a minute." };
  console.error(error);
  return { status: "error", message: "Something went wrong on our side." };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function createUserAction(_previous: TUserActionState, form: FormData): Promise<TUserActionState> {
  const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role") };
  try {
    const actor = await requireActionUser({ role: "admin" });
    const user = await createUser(
      await getDatabase(),
      { ...values, role: values.role as TRole, password: text(form, "password") },
      actor.id,
    );
    revalidatePath("/admin/users");
    return {
      status: "done",
      message: `Created ${user.role} ${user.email}. Give them their password through a safe channel.`,
    };
  } catch (error) {
    return { ...failure(error), values };
  }
}

export async function changeRoleAction(_previous: TUserActionState, form: FormData): Promise<TUserActionState> {
  try {
    const actor = await requireActionUser({ role: "admin" });
    const role = text(form, "role") as TRole;
    await changeUserRole(await getDatabase(), text(form, "userId"), role, actor.id);
    revalidatePath("/admin/users");
    return { status: "done", message: `Role set to ${role}.` };
  } catch (error) {
    return failure(error);
  }
}
