/**
 * Every fixture under test/fixtures/lint/ lists the findings it must produce, one
 * `# expect: CODE PATH LINE` comment each (PATH `-` is the template root), in file order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES } from '../../generator/lint/codes';
import { lintTemplateText } from '../../generator/lint/index';

const ROOT = join(__dirname, '..', 'fixtures', 'lint');
const NOW = new Date('2026-11-21T00:00:00Z');

function fixtures(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml') || f.endsWith('.json'))
    .sort();
}

/** JSON has no comments: a JSON fixture's expectations sit beside it in `<name>.json.expected`. */
function expectationsOf(folder: string, file: string, text: string): string {
  return file.endsWith('.json') ? readFileSync(join(ROOT, folder, `${file}.expected`), 'utf8') : text;
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
    expect(actual(folder, file, text)).toEqual(expected(expectationsOf(folder, file, text)));
  });
});

describe('the fixture set', () => {
  const broken = fixtures('broken').map((f) => readFileSync(join(ROOT, 'broken', f), 'utf8'));

  it('has at least 60 broken templates, each expecting at least one finding', () => {
    expect(broken.length).toBeGreaterThanOrEqual(60);
    for (const text of broken) expect(expected(text).length).toBeGreaterThan(0);
  });

  it('covers every rule code (E9018 needs --asl-validator and is tested apart)', () => {
    const codes = new Set(broken.flatMap((t) => expected(t).map((e) => e.split(' ')[0])));
    const untested = Object.keys(RULE_CODES).filter((code) => code !== 'E9018' && !codes.has(code));
    expect(untested).toEqual([]);
  });

  it('uses only documented rule codes', () => {
    const texts = [
      ...broken,
      ...fixtures('real').map((f) => expectationsOf('real', f, readFileSync(join(ROOT, 'real', f), 'utf8'))),
    ];
    const undocumented = texts
      .flatMap((t) => expected(t).map((e) => e.split(' ')[0]))
      .filter((c) => !(c in RULE_CODES));
    expect(undocumented).toEqual([]);
  });
});
