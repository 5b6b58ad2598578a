"use server";
// Server actions of /admin/users (admins only): create a user, change a role. Their messages are
// in the language of the form that was sent (its hidden `lang` field).
import { revalidatePath } from "next/cache";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom } from "@/lib/i18n/lang";
import { requireActionUser } from "@/lib/server/auth/guard";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser } from "@/lib/server/users/create-user";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type TRole, type TUserActionState } from "@/lib/users";
import type { TLang } from "@/lib/view-state";

/** An AppError in Chinese, from its code and details (the English message is the error's own). */
function chineseMessage(error: AppError, email: string): string {
  const t = appDictionary("zh").admin;
  const field = error.details?.field;
  if (error.code === "CONFLICT" && field === "email") return t.users.errors.emailTaken(email.trim().toLowerCase());
  if (field === "email") return t.users.errors.invalidEmail;
  if (field === "password") {
    return error.details?.issue === "too_big"
      ? t.users.errors.longPassword(PASSWORD_MAX_LENGTH)
      : t.users.errors.weakPassword(PASSWORD_MIN_LENGTH);
  }
  if (field === "name") return t.users.errors.longName;
  if (field === "role") return error.details?.reason === "own_admin_role" ? t.users.errors.ownAdminRole : t.users.errors.invalidRole;
  if (error.code === "NOT_FOUND") return t.users.errors.noSuchUser;
  return t.apiErrors[error.code] ?? t.apiErrors.INTERNAL!;
}

function failure(error: unknown, lang: TLang, email = ""): Extract<TUserActionState, { status: "error" }> {
  const t = appDictionary(lang).admin.apiErrors;
  if (error instanceof AppError) {
    const field = typeof error.details?.field === "string" ? error.details.field : undefined;
    return { status: "error", message: lang === "zh" ? chineseMessage(error, email) : error.message, field };
  }
  if (isDatabaseUnavailable(error)) return { status: "error", message: t.DATABASE_UNAVAILABLE! };
  console.error(error);
  return { status: "error", message: t.INTERNAL! };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function createUserAction(_previous: TUserActionState, form: FormData): Promise<TUserActionState> {
  const lang = langFrom({ lang: text(form, "lang") });
  const values = { email: text(form, "email"), name: text(form, "name"), role: text(form, "role") };
  try {
    const actor = await requireActionUser({ role: "admin" });
    const user = await createUser(
      await getDatabase(),
      { ...values, role: values.role as TRole, password: text(form, "password") },
      actor.id,
    );
    revalidatePath("/admin/users");
    const t = appDictionary(lang).admin;
    return { status: "done", message: t.users.created(t.roles[user.role], user.email) };
  } catch (error) {
    return { ...failure(error, lang, values.email), values };
  }
}

export async function changeRoleAction(_previous: TUserActionState, form: FormData): Promise<TUserActionState> {
  const lang = langFrom({ lang: text(form, "lang") });
  try {
    const actor = await requireActionUser({ role: "admin" });
    const role = text(form, "role") as TRole;
    await changeUserRole(await getDatabase(), text(form, "userId"), role, actor.id);
    revalidatePath("/admin/users");
    const t = appDictionary(lang).admin;
    return { status: "done", message: t.users.roleSet(t.roles[role]) };
  } catch (error) {
    return failure(error, lang);
  }
}
