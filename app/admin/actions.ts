"use server";
// Server actions of the admin area's own pages: sign in, sign out.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { safeNextPath } from "@/lib/server/auth/guard";
import { signInWithPassword, signOut, type TCookieToSet } from "@/lib/server/auth/session-flow";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { ZSignInForm, type TSignInState } from "@/lib/sign-in";

async function setCookies(toSet: TCookieToSet[]): Promise<void> {
  const jar = await cookies();
  for (const cookie of toSet) jar.set(cookie.name, cookie.value, cookie.options);
}

/** The sign-in form: on success sets the session cookie and goes to `next` (inside /admin only). */
export async function signInAction(_previous: TSignInState, form: FormData): Promise<TSignInState> {
  const rawEmail = form.get("email");
  const email = typeof rawEmail === "string" ? rawEmail.trim() : "";
  const parsed = ZSignInForm.safeParse({
    email: rawEmail,
    password: form.get("password"),
    next: form.get("next") ?? undefined,
  });
  if (!parsed.success) return { error: "MISSING", email };

  let result;
  try {
    result = await signInWithPassword(await headers(), parsed.data);
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return { error: "UNAVAILABLE", email };
    throw error;
  }
  if (!result.ok) {
    if (result.code === "RATE_LIMITED")
      return { error: "RATE_LIMITED", email, retryAfterSeconds: result.retryAfterSeconds };
    if (result.code === "FAILED") return { error: "FAILED", email, status: result.status };
    return { error: result.code, email };
  }
  await setCookies(result.cookies);
  redirect(safeNextPath(parsed.data.next));
}

/** The Sign out button: ends the session (recorded in the audit trail) and returns to the sign-in page, in the form's language. */
export async function signOutAction(form: FormData): Promise<void> {
  await setCookies(await signOut(await headers()));
  redirect(withLang("/admin/sign-in", langFrom({ lang: form.get("lang")?.toString() })));
}
