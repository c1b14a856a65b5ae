// The CLI tests run the built CLI as a real process; build it from the current sources first
// (the public types are not needed here: tests run the sources).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'build.mjs'), '--js-only'], {
    stdio: 'inherit',
  });
}
