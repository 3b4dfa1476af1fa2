/** The `ladder` command (compiled to build/cli/index.mjs, which bin/ladder.mjs runs). */
import { main } from "./main";

// `ladder check-links docs | head` closes the pipe early: that ends the output, it is no crash.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
