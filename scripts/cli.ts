import { EnvError } from "@/lib/env";
import { AppError } from "@/lib/server/errors";

/**
 * Runs a CLI entry point: known failures print one line saying what to do,
 * not a stack trace (set DEBUG=1 to see one).
 */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (process.env.DEBUG) console.error(error);
      const known = error instanceof AppError || error instanceof EnvError;
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      console.error(`✖ ${known ? message : `Unexpected error: ${message} (set DEBUG=1 for details)`}`);
      process.exit(1);
    },
  );
}
