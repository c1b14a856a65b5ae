/**
 * Lambda code given as a local path, as `aws cloudformation package` and CDK assets give it: a folder
 * is used in place; a `.zip` is unpacked once into a cache folder keyed by its path, size and time,
 * as Lambda unpacks the deployment package to /var/task.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { LocalError } from '../errors';

/** The folder of code at `path` (a folder, or a .zip unpacked); undefined when nothing is there. */
export function codeFolder(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (stat.isDirectory()) return path;
  if (!path.endsWith('.zip')) return undefined;
  const key = createHash('sha256')
    .update(`${path}\0${stat.size}\0${stat.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
  const folder = join(tmpdir(), `wskit-zip-${key}`);
  if (existsSync(folder)) return folder;
  // Unpacked beside, then renamed: a half-written folder is never taken for a finished one.
  const partial = `${folder}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  unzip(readFileSync(path), partial, path);
  try {
    renameSync(partial, folder);
  } catch {
    rmSync(partial, { recursive: true, force: true }); // another process finished first
  }
  return folder;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Unpacks a zip (stored and deflated entries, as Lambda packages use) into `dir`. */
export function unzip(zip: Buffer, dir: string, name: string): void {
  const fail = (why: string): never => {
    throw new LocalError('E_LOCAL_ZIP', `${name}: ${why}`, name);
  };
  mkdirSync(dir, { recursive: true });
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end--;
  if (end < 0) fail('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) fail('ZIP64 archives are not supported');
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) fail('broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const entry = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + skip;
    const target = normalize(join(dir, entry));
    if (!target.startsWith(dir + sep)) fail(`entry ${entry} points outside the archive`);
    if (entry.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    if (zip.readUInt32LE(local) !== LOCAL) fail(`broken entry ${entry}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    if (method !== 0 && method !== 8) fail(`entry ${entry} uses compression method ${method}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, method === 8 ? inflateRawSync(data) : data);
  }
}
