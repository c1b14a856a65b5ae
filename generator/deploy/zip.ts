/**
 * Deterministic zips: the same folder content gives the same bytes, hence the same content-hash key
 * and no new upload or Lambda update when nothing changed. Entries are sorted, and timestamps and
 * modes fixed, so neither checkout time nor umask leaks into the archive.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ZipFile } from 'yazl';

/** 1980-01-01, the earliest time a zip entry can hold (local time, as the format stores it). */
const FIXED_MTIME = new Date(1980, 0, 1);
const FILE_MODE = 0o100644;

export async function zipFolder(folder: string): Promise<Buffer> {
  const files = await listFiles(folder);
  const entries = await Promise.all(
    files.map(async (file) => ({
      name: relative(folder, file).split(sep).join('/'),
      data: await readFile(file),
    })),
  );
  return zipEntries(entries);
}

export function zipEntries(entries: readonly { name: string; data: Buffer }[]): Promise<Buffer> {
  const zip = new ZipFile();
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, data } of sorted) {
    zip.addBuffer(data, name, {
      mtime: FIXED_MTIME,
      mode: FILE_MODE,
      compress: true,
      forceDosTimestamp: true,
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Files under `folder`, recursively, following symlinks (as `sam package` does). */
async function listFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink()) {
      const target = await stat(path);
      if (target.isDirectory()) out.push(...(await listFiles(path)));
      else if (target.isFile()) out.push(path);
    }
  }
  return out;
}
