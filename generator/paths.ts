/** Where wskit's own files are, whether it runs from source (tests) or from dist/ (the CLI). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'wskit') return dir;
    if (dirname(dir) === dir) throw new Error(`wskit: cannot find the wskit package above ${start}`);
  }
}

/** `__dirname` is this module's folder in CommonJS, and is defined by the build's banner in dist/. */
export const PACKAGE_ROOT = findPackageRoot(__dirname);

export const packagePath = (...segments: string[]) => join(PACKAGE_ROOT, ...segments);

/** Text of a file in templates/. */
export const readTemplateFile = (name: string) => readFileSync(packagePath('templates', name), 'utf8');
