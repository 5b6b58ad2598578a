import { z } from "zod";

// The sign-in form's contract, shared by its server action and its client component.

export const ZSignInForm = z.object({
  email: z.string().trim().toLowerCase().min(1),
  password: z.string().min(1),
  next: z.string().optional(),
});

/** What the sign-in action answers when it does not redirect: which error to show, and the email to keep in the field. */
export type TSignInState =
  | { error: null }
  | { error: "MISSING" | "INVALID_CREDENTIALS" | "FOREIGN_ORIGIN" | "UNAVAILABLE"; email: string }
  | { error: "RATE_LIMITED"; email: string; retryAfterSeconds: number }
  | { error: "FAILED"; email: string; status: number };
