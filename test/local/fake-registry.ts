/**
 * A package registry on 127.0.0.1 for one package, so tests run the real npm client without the
 * network: it serves the package's metadata (every version given) and each version's tarball, made
 * with `npm pack` from the files given, and counts the tarballs it hands out.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface FakeRegistry {
  /** `http://127.0.0.1:<port>/` for `npm_config_registry`. */
  readonly url: string;
  /** Tarballs downloaded so far, by version. */
  readonly downloads: string[];
  close(): Promise<void>;
}

/** `files(version)`: the package's files besides package.json (`index.js`...). */
export async function fakeRegistry(
  name: string,
  versions: readonly string[],
  files: (version: string) => Record<string, string>,
): Promise<FakeRegistry> {
  const work = mkdtempSync(join(tmpdir(), 'wskit-fake-registry-'));
  const tarballs = new Map<string, Buffer>();
  for (const version of versions) {
    const dir = join(work, version);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
    for (const [file, text] of Object.entries(files(version))) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    tarballs.set(version, readFileSync(join(work, packed)));
  }
  const downloads: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(request.url ?? '/');
    const tarball = /\/-\/[^/]+-(\d+\.\d+\.\d+)\.tgz$/.exec(path);
    if (tarball && tarballs.has(tarball[1] as string)) {
      downloads.push(tarball[1] as string);
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(tarballs.get(tarball[1] as string));
      return;
    }
    if (path === `/${name}`) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(packument()));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error": "not found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const packument = () => ({
    name,
    'dist-tags': { latest: versions.at(-1) },
    versions: Object.fromEntries(
      [...tarballs].map(([version, data]) => [
        version,
        {
          name,
          version,
          main: 'index.js',
          dist: {
            tarball: `${url}${name}/-/${name.split('/').at(-1)}-${version}.tgz`,
            integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
            shasum: createHash('sha1').update(data).digest('hex'),
          },
        },
      ]),
    ),
  });
  return {
    url,
    downloads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
