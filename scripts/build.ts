// npm run build — a fresh production build, recorded so that `npm start` and
// the test suites know it matches the sources.
import { buildIfStale } from "./build-if-stale";
import { runCli } from "./cli";

runCli(async () => {
  buildIfStale({ force: !process.argv.includes("--if-stale") });
});
