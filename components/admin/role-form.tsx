"use client";
import { useActionState } from "react";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { ROLES, type TRole, type TUserActionState } from "@/lib/users";
import type { TLang } from "@/lib/view-state";

interface RoleFormProps {
  action: (previous: TUserActionState, form: FormData) => Promise<TUserActionState>;
  userId: string;
  email: string;
  role: TRole;
  lang: TLang;
}

/** One user's role: pick another and press Change. */
export function RoleForm({ action, userId, email, role, lang }: RoleFormProps) {
  const t = appDictionary(lang).admin;
  const [state, formAction, isPending] = useActionState(action, { status: "idle" });
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="lang" value={lang} />
      <label htmlFor={selectId} className="sr-only">
        {t.users.roleOf(email)}
      </label>
      <select id={selectId} name="role" defaultValue={role} className="rounded border border-slate-300 px-2 py-1">
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {t.roles[option]}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={isPending}
        aria-label={t.users.changeRoleOf(email)}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-600 disabled:opacity-60"
      >
        {t.users.change}
      </button>
      {state.status !== "idle" && (
        <span
          role={state.status === "error" ? "alert" : "status"}
          className={state.status === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}
        >
          {state.message}
        </span>
      )}
    </form>
  );
}
