// npm run admin:create -- --email a@b.c [--name "…"] [--role admin|editor]
// Creates a user who signs in with email and password. The password comes from
// ADMIN_PASSWORD, or is asked for twice without echo in a terminal.
import { parseArgs } from "node:util";
import { readEnv } from "@/lib/env";
import { openDatabase } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { migrate } from "@/lib/server/migrate";
import { createUser } from "@/lib/server/users/create-user";
import { ZNewUser, ZPassword } from "@/lib/users";
import { runCli } from "./cli";

const USAGE = 'npm run admin:create -- --email a@b.c [--name "Name"] [--role admin|editor]';

/** Reads one line from the terminal without showing it. */
function askHidden(question: string): Promise<string> {
  const { stdin, stdout } = process;
  return new Promise((resolve, reject) => {
    stdout.write(question);
    let answer = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      stdout.write("\n");
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return finish();
        if (char === "\u0003") return finish(new AppError("BAD_REQUEST", "Cancelled."));
        if (char === "\u007f" || char === "\b") answer = answer.slice(0, -1);
        else if (char >= " ") answer += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY) {
    throw new AppError(
      "BAD_REQUEST",
      "No password: set ADMIN_PASSWORD, or run this in a terminal to be asked for one.",
    );
  }
  const password = await askHidden("Password (at least 12 characters): ");
  const checked = ZPassword.safeParse(password);
  if (!checked.success) throw new AppError("BAD_REQUEST", checked.error.issues[0]!.message);
  if ((await askHidden("Repeat the password: ")) !== password)
    throw new AppError("BAD_REQUEST", "The two passwords differ.");
  return password;
}

runCli(async () => {
  readEnv(); // a bad environment fails here with its own one-line message
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new AppError("BAD_REQUEST", `${error instanceof Error ? error.message : String(error)}. Usage: ${USAGE}`);
  }
  if (!values.email) throw new AppError("BAD_REQUEST", `--email is required. Usage: ${USAGE}`);
  // Check everything but the password before asking for it.
  const preview = ZNewUser.omit({ password: true }).safeParse({
    email: values.email,
    name: values.name,
    role: values.role ?? "admin",
  });
  if (!preview.success) throw new AppError("BAD_REQUEST", preview.error.issues[0]!.message);

  const password = await readPassword();
  const db = await openDatabase();
  try {
    await migrate(db);
    const user = await createUser(db, { ...preview.data, password }, null);
    console.log(
      `✔ Created ${user.role} ${user.email} (${user.name}) in the ${db.kind} database at ${db.location}. Sign in at /admin/sign-in.`,
    );
  } finally {
    await db.close();
  }
});
