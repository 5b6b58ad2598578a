"use client";
import { useActionState } from "react";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { TAdminText } from "@/lib/i18n/admin-text";
import type { TSignInState } from "@/lib/sign-in";
import type { TLang } from "@/lib/view-state";

interface SignInFormProps {
  action: (previous: TSignInState, form: FormData) => Promise<TSignInState>;
  next: string;
  lang: TLang;
}

function messageFor(state: TSignInState, t: TAdminText["signIn"]): string | null {
  switch (state.error) {
    case null:
      return null;
    case "RATE_LIMITED":
      return t.errors.RATE_LIMITED(state.retryAfterSeconds);
    case "FAILED":
      return t.errors.FAILED(state.status);
    default:
      return t.errors[state.error];
  }
}

/** Email and password, posted to a server action: works without JavaScript, shows errors inline with it. */
export function SignInForm({ action, next, lang }: SignInFormProps) {
  const t = appDictionary(lang).admin.signIn;
  const [state, formAction, isPending] = useActionState(action, { error: null });
  const message = messageFor(state, t);
  const input =
    "mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600/30";
  return (
    <form action={formAction} className="space-y-4" aria-describedby={message ? "sign-in-error" : undefined}>
      {message && (
        <p id="sign-in-error" role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {message}
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.error ? state.email : ""}
          aria-invalid={state.error === "INVALID_CREDENTIALS" || undefined}
          className={input}
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error === "INVALID_CREDENTIALS" || undefined}
          className={input}
        />
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-600 focus:ring-offset-2 disabled:opacity-60"
      >
        {isPending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
