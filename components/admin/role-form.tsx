"use client";
import { useActionState } from "react";
import { ROLES, type TRole, type TUserActionState } from "@/lib/users";

interface RoleFormProps {
  action: (previous: TUserActionState, form: FormData) => Promise<TUserActionState>;
  userId: string;
  email: string;
  role: TRole;
}

/** One user's role: pick another and press Change. */
export function RoleForm({ action, userId, email, role }: RoleFormProps) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" });
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={selectId} className="sr-only">
        Role of {email}
      </label>
      <select id={selectId} name="role" defaultValue={role} className="rounded border border-slate-300 px-2 py-1">
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={isPending}
        aria-label={`Change role of ${email}`}
        className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-600 disabled:opacity-60"
      >
        Change
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
