/** Process entry point of the `wskit` binary. */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `wskit: internal error (please report it)\n${(error as Error)?.stack ?? String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
