"use client";
import { useActionState } from "react";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type TUserActionState } from "@/lib/users";
import type { TLang } from "@/lib/view-state";

interface CreateUserFormProps {
  action: (previous: TUserActionState, form: FormData) => Promise<TUserActionState>;
  lang: TLang;
}

/** New user: email, name, role and an initial password the admin hands over. */
export function CreateUserForm({ action, lang }: CreateUserFormProps) {
  const t = appDictionary(lang).admin;
  const [state, formAction, isPending] = useActionState(action, { status: "idle" });
  const input =
    "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30";
  const invalid = (field: string) => (state.status === "error" && state.field === field) || undefined;
  const kept = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <form action={formAction} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      <input type="hidden" name="lang" value={lang} />
      <div>
        <label htmlFor="new-user-email" className="block text-sm font-medium">
          {t.users.email}
        </label>
        <input
          id="new-user-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={kept.email}
          aria-invalid={invalid("email")}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="new-user-name" className="block text-sm font-medium">
          {t.users.name} <span className="font-normal text-slate-500">{t.users.optional}</span>
        </label>
        <input
          id="new-user-name"
          name="name"
          type="text"
          autoComplete="off"
          defaultValue={kept.name}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="new-user-role" className="block text-sm font-medium">
          {t.users.role}
        </label>
        <select id="new-user-role" name="role" defaultValue={kept.role || "editor"} className={input}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t.roles[role]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="new-user-password" className="block text-sm font-medium">
          {t.users.initialPassword}
        </label>
        <input
          id="new-user-password"
          name="password"
          type="password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          autoComplete="new-password"
          aria-describedby="new-user-password-hint"
          aria-invalid={invalid("password")}
          className={input}
        />
        <p id="new-user-password-hint" className="mt-1 text-xs text-slate-500">
          {t.users.passwordHint(PASSWORD_MIN_LENGTH)}
        </p>
      </div>
      <div className="sm:col-span-2 space-y-2">
        <button
          type="submit"
          disabled={isPending}
          className="rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-600 focus:ring-offset-2 disabled:opacity-60"
        >
          {isPending ? t.users.creating : t.users.create}
        </button>
        {state.status !== "idle" && (
          <p
            role={state.status === "error" ? "alert" : "status"}
            className={state.status === "error" ? "text-sm text-red-800" : "text-sm text-green-800"}
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
