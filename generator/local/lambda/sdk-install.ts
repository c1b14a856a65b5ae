/**
 * Installs an AWS SDK package wskit does not ship into the per-user cache (see sdk-cache.cjs), as
 * the Lambda runtime would have had it: once per package and SDK release, whatever number of
 * `wskit local` processes start at the same moment. A lock folder (mkdir is atomic) keeps a second
 * installer waiting; npm installs into a temporary folder that is renamed into place only when
 * complete, so a reader never sees half a package and an interrupted install leaves nothing used.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SdkInstallOptions {
  /** The package's npm project in the cache (sdk-cache.cjs `cachedProjectDir`). */
  readonly dir: string;
  /** The version range to install (sdk-cache.cjs `releaseRange`) and the release it stands for. */
  readonly range: string;
  readonly release: string;
  /** Versions to pin under it: the @aws-sdk/* and @smithy/* packages wskit runs. */
  readonly pins: Readonly<Record<string, string>>;
  /** The one line said when an install starts. */
  readonly log: (line: string) => void;
  /** The environment npm runs with (its registry, cache and proxy settings). @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export type SdkInstallOutcome =
  | { readonly ok: true; readonly dir: string }
  | { readonly ok: false; readonly reason: string };

/** A lock left by a process that is gone, or older than this, is taken over. */
const STALE_LOCK_MS = 10 * 60_000;
const LOCK_POLL_MS = 100;

/** Installs `name` unless it is cached for this release; the folder whose node_modules holds it. */
export async function installSdkPackage(
  name: string,
  options: SdkInstallOptions,
): Promise<SdkInstallOutcome> {
  const { dir } = options;
  if (isInstalled(dir, name)) return { ok: true, dir };
  const base = dirname(dir);
  await mkdir(base, { recursive: true });
  const lock = `${dir}.lock`;
  await acquire(lock);
  try {
    // Another process may have installed it while this one waited.
    if (isInstalled(dir, name)) return { ok: true, dir };
    options.log(
      `installing ${name} (its version of the AWS SDK release ${options.release}, which wskit ships) into ${dir}: the Lambda runtime provides it; done once`,
    );
    const temporary = await mkdtemp(join(base, '.installing-'));
    try {
      await writeFile(join(temporary, 'package.json'), manifest(name, options));
      const failure = await npmInstall(temporary, options.env ?? process.env);
      if (failure) return { ok: false, reason: failure };
      if (!isInstalled(temporary, name)) return { ok: false, reason: `npm did not install ${name}` };
      await rm(dir, { recursive: true, force: true }); // a broken earlier copy
      await rename(temporary, dir);
      return { ok: true, dir };
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function isInstalled(projectDir: string, name: string): boolean {
  return existsSync(join(projectDir, 'node_modules', name, 'package.json'));
}

/** One npm project for one package; `overrides` pins what it shares with the SDK wskit runs. */
function manifest(name: string, options: SdkInstallOptions): string {
  const overrides = Object.fromEntries(Object.entries(options.pins).filter(([pinned]) => pinned !== name));
  const project = {
    name: 'wskit-aws-sdk-cache',
    private: true,
    dependencies: { [name]: options.range },
    overrides,
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}

/** Runs `npm install` in `cwd`; its last error line when it fails. */
function npmInstall(cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const args = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--loglevel=error'];
  return new Promise((resolve) => {
    const child = spawn('npm', args, {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      shell: process.platform === 'win32',
    });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      errors += chunk;
    });
    child.on('error', (error) => resolve(`npm could not start: ${error.message}`));
    child.on('close', (code) => {
      if (code === 0) return resolve(undefined);
      const lines = errors.split('\n').map((line) => line.replace(/^npm (error|ERR!) ?/, '').trim());
      const summary = lines.filter((line) => line && !/complete log|^A complete/.test(line)).slice(0, 2);
      resolve(`npm install failed (exit ${code}): ${summary.join(' ') || 'no message'}`);
    });
  });
}

/** Takes the lock folder, waiting while a live process holds it. */
async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'owner'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lock)) await rm(lock, { recursive: true, force: true });
    else await sleep(LOCK_POLL_MS);
  }
}

async function isStale(lock: string): Promise<boolean> {
  const [owner, info] = await Promise.all([
    readFile(join(lock, 'owner'), 'utf8').catch(() => ''),
    stat(lock).catch(() => undefined),
  ]);
  if (!info) return false; // just released
  if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
  const pid = Number(owner);
  if (!owner || !Number.isInteger(pid)) return false; // being written
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
