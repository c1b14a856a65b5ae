/**
 * sdk-cache.cjs for the emulator's TypeScript: the same CommonJS module the workers load, read from
 * wskit's files at run time (not bundled), so both sides agree on where the cache is.
 */
import { createRequire } from 'node:module';
import { packagePath } from '../../paths';

interface SdkCacheModule {
  sdkCacheRoot(env?: NodeJS.ProcessEnv): string;
  shippedSdk(): { release: string; pins: Record<string, string> };
  cachedProjectDir(root: string, release: string, name: string): string;
  cachedModuleDirs(root: string, release: string): string[];
  releaseRange(release: string): string;
  installCommand(name: string, release: string, projectDir: string): string;
  packageName(specifier: string): string;
  projectDir(from: string): string;
}

const FILE = packagePath('generator', 'local', 'lambda', 'sdk-cache.cjs');

export const sdkCache = createRequire(FILE)(FILE) as SdkCacheModule;
