/**
 * Runs a command-line script's `main` and sets the exit code from its result. An error ends
 * the script with its message alone (a corpus error already names the file and line), not a
 * stack trace. `process.exitCode` rather than `process.exit`, so piped output is not cut off.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
