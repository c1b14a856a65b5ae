/**
 * Every fixture under test/fixtures/lint/ lists the findings it must produce, one
 * `# expect: CODE PATH LINE` comment each (PATH `-` is the template root), in file order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTemplateText } from '../../generator/lint/index';

const ROOT = join(__dirname, '..', 'fixtures', 'lint');
const NOW = new Date('2026-11-21T00:00:00Z');

function fixtures(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml') || f.endsWith('.json'))
    .sort();
}

function expected(text: string): string[] {
  return [...text.matchAll(/^# expect: (\S+) (\S+) (\d+)$/gm)].map(([, code, path, line]) =>
    [code, path === '-' ? '' : path, line].join(' '),
  );
}

function actual(folder: string, file: string, text: string): string[] {
  return lintTemplateText(text, file, { baseDir: join(ROOT, folder), now: NOW }).map((f) =>
    [f.code, f.path, f.line].join(' '),
  );
}

describe.each(['broken', 'real'])('fixtures in %s/', (folder) => {
  it.each(fixtures(folder))('%s produces exactly its expected findings', (file) => {
    const text = readFileSync(join(ROOT, folder, file), 'utf8');
    expect(actual(folder, file, text)).toEqual(expected(text));
  });
});

describe('the fixture set', () => {
  const broken = fixtures('broken').map((f) => readFileSync(join(ROOT, 'broken', f), 'utf8'));

  it('has at least 60 broken templates, each expecting at least one finding', () => {
    expect(broken.length).toBeGreaterThanOrEqual(60);
    for (const text of broken) expect(expected(text).length).toBeGreaterThan(0);
  });

  it('covers every rule code', () => {
    const codes = new Set(broken.flatMap((t) => expected(t).map((e) => e.split(' ')[0])));
    const all =
      'E1001 E1005 E1010 E1012 E1017 E1019 E1022 E1028 E2001 E2015 E3001 E3002 E3003 E3004 E3005 E3006 E3012 E3030 E6001 E8001 E8002 E9001 E9002 E9003 E9004 E9006 E9007 E9008 E9010 E9011 E9012 E9013 E9015 E9016 E9017 W1019 W2001 W2531 W9003 W9005 W9006 W9008 W9009 W9014 W9101 W9102 W9103 W9104 I9201 I9202';
    expect(all.split(' ').filter((code) => !codes.has(code))).toEqual([]);
  });
});
