import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipEntries, zipFolder } from '../../generator/deploy/zip';
import { removeApp, writeApp } from './fixture-app';

const TICKS = [
  'nextTick',
  'setImmediate',
  'clearImmediate',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'hrtime',
  'performance',
] as const;

describe('deterministic zips', () => {
  it('gives the same bytes twice for the same folder, whatever the file times and the clock', async () => {
    const dir = await writeApp({ 'b.js': 'b', 'a/index.js': 'a', 'a/z.json': '{}' });
    // Only Date is faked: the zip stream still needs real ticks.
    jest.useFakeTimers({ doNotFake: [...TICKS], now: new Date(2026, 0, 1) });
    try {
      const first = await zipFolder(dir);
      await utimes(join(dir, 'b.js'), new Date(2030, 1, 1), new Date(2030, 1, 1));
      jest.setSystemTime(new Date(2027, 5, 6, 7, 8, 10));
      const second = await zipFolder(dir);
      expect(second.equals(first)).toBe(true);
    } finally {
      jest.useRealTimers();
      await removeApp(dir);
    }
  });

  it('orders entries by path, not by the order they were found', async () => {
    const forward = await zipEntries([
      { name: 'a.js', data: Buffer.from('1') },
      { name: 'b/c.js', data: Buffer.from('2') },
    ]);
    const backward = await zipEntries([
      { name: 'b/c.js', data: Buffer.from('2') },
      { name: 'a.js', data: Buffer.from('1') },
    ]);
    expect(backward.equals(forward)).toBe(true);
    const text = forward.toString('latin1');
    expect(text.indexOf('a.js')).toBeLessThan(text.indexOf('b/c.js'));
  });

  it('changes when a file changes', async () => {
    const dir = await writeApp({ 'index.js': 'one' });
    try {
      const before = await zipFolder(dir);
      await writeFile(join(dir, 'index.js'), 'two');
      expect((await zipFolder(dir)).equals(before)).toBe(false);
    } finally {
      await removeApp(dir);
    }
  });

  it('stores paths with forward slashes, relative to the folder', async () => {
    const dir = await writeApp({ 'lib/deep/x.js': 'x' });
    try {
      const text = (await zipFolder(dir)).toString('latin1');
      expect(text).toContain('lib/deep/x.js');
      expect(text).not.toContain(dir);
    } finally {
      await removeApp(dir);
    }
  });
});
