/**
 * The CDK test app (test/fixtures/cdk/websocket-app), synthesized by the real aws-cdk-lib through
 * wskit's own synth. Synth takes seconds, so its assembly is kept in the temp folder under a key of
 * every source it reads (the app, its assets, the repo's handlers, the aws-cdk-lib version):
 * suites and runs share it, and any change synthesizes again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../../generator/paths';
import { readCdkProject, synthesize } from '../../generator/template/cdk-project';

export const CDK_APP_DIR = packagePath('test', 'fixtures', 'cdk', 'websocket-app');

const SOURCES = [CDK_APP_DIR, packagePath('functions')];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.startsWith('cdk.out') && !name.includes('node_modules'))
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

function sourcesKey(): string {
  const hash = createHash('sha256').update(
    readFileSync(packagePath('node_modules', 'aws-cdk-lib', 'package.json')),
  );
  for (const file of SOURCES.flatMap(filesUnder)) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The app's cloud assembly (a cdk.out folder), synthesized when no current one is kept. */
export async function synthesizedAssembly(): Promise<string> {
  const outDir = join(tmpdir(), `wskit-cdk-out-${sourcesKey()}`);
  const done = () => existsSync(join(outDir, 'manifest.json'));
  // One suite synthesizes; the others (parallel workers) wait for its assembly.
  const lock = `${outDir}.lock`;
  while (!done()) {
    try {
      mkdirSync(lock);
    } catch {
      if (lockedSince(lock) < Date.now() - 120_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (!done()) await synthesizeInto(outDir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return outDir;
}

const lockedSince = (lock: string) => {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
};

async function synthesizeInto(outDir: string): Promise<void> {
  const partial = `${outDir}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await synthesize(readCdkProject(CDK_APP_DIR) as NonNullable<ReturnType<typeof readCdkProject>>, partial);
  renameSync(partial, outDir);
}
