/**
 * Writes an app directory atomically: everything goes into a temporary sibling directory, which is
 * renamed into place only when complete. An interrupted or failed run leaves no half-written app.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors';

export interface AppFile {
  /** Path relative to the app directory, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

/**
 * Fails unless `outDir` may be written: absent, empty, or (with `force`) a previous app, one that
 * has a template.yml. Call it before any work, so a mistake costs nothing.
 */
export function checkOutDir(outDir: string, force: boolean): void {
  const out = resolve(outDir);
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new UsageError('E_OUT_NOT_DIR', `--out ${outDir}: exists and is not a directory`, 'out');
  if (readdirSync(out).length === 0) return;
  if (!force) {
    throw new UsageError(
      'E_OUT_NOT_EMPTY',
      `--out ${outDir}: directory is not empty; pass --force to replace it, or choose another`,
      'out',
    );
  }
  if (out === process.cwd() || process.cwd().startsWith(`${out}/`)) {
    throw new UsageError(
      'E_OUT_IS_CWD',
      `--out ${outDir}: will not replace the current directory; choose another`,
      'out',
    );
  }
  if (!existsSync(join(out, 'template.yml'))) {
    throw new UsageError(
      'E_OUT_NOT_APP',
      `--out ${outDir}: --force only replaces an app directory (one with a template.yml)`,
      'out',
    );
  }
}

/**
 * Writes `files`, lets `fill` add more (the function bundles) into the staging directory, then
 * moves the result to `outDir`, replacing what was there.
 */
export async function writeAppDir(
  outDir: string,
  files: readonly AppFile[],
  fill: (stagingDir: string) => Promise<void>,
): Promise<void> {
  const out = resolve(outDir);
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(join(dirname(out), `.wskit-tmp-${basename(out)}-`));
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    await fill(staging);
    await replaceDir(staging, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function replaceDir(staging: string, out: string): Promise<void> {
  if (!existsSync(out)) {
    await rename(staging, out);
    return;
  }
  const previous = `${staging}-previous`;
  await rename(out, previous);
  try {
    await rename(staging, out);
  } catch (error) {
    await rename(previous, out);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
