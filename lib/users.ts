import { z } from "zod";

// Admin accounts: roles and the rules for a new user, shared by the CLI, the
// users page and its form.

export const ROLES = ["admin", "editor"] as const;
export type TRole = (typeof ROLES)[number];
export const ZRole = z.enum(ROLES, { message: "Role must be admin or editor" });

/** Admins may do everything editors may, and manage users. */
export function hasRole(role: TRole, required: TRole): boolean {
  return role === "admin" || role === required;
}

export const PASSWORD_MIN_LENGTH = 12;
/** Better Auth refuses longer passwords at sign-in. */
export const PASSWORD_MAX_LENGTH = 128;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }));

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `The password is too weak: use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters`);

export const ZNewUser = z.object({
  email: ZEmail,
  name: z.string().trim().max(200, "The name is too long").optional(),
  role: ZRole.default("editor"),
  password: ZPassword,
});
export type TNewUser = z.input<typeof ZNewUser>;

/**
 * What the users page's actions answer: nothing yet, a success line, or an
 * error with the field it concerns and the values to show again (React resets
 * a form after its action; passwords are never sent back).
 */
export type TUserActionState =
  | { status: "idle" }
  | { status: "done"; message: string }
  | { status: "error"; message: string; field?: string; values?: Record<string, string> };
