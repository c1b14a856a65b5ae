/** The example apps wskit generates lint with no finding at all (not even information). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintTemplateText } from '../../generator/lint/index';
import { packagePath } from '../../generator/paths';

describe.each(['lambda', 'sfn-sync'])('patterns/%s/template.yml', (pattern) => {
  it('has no finding', () => {
    const dir = packagePath('patterns', pattern);
    const text = readFileSync(join(dir, 'template.yml'), 'utf8');
    expect(lintTemplateText(text, `patterns/${pattern}/template.yml`, { baseDir: dir })).toEqual([]);
  });

  it('fails when its state machine file or a route is broken (the rules do run on it)', () => {
    const dir = packagePath('patterns', pattern);
    const text = readFileSync(join(dir, 'template.yml'), 'utf8').replace(
      'RouteKey: $default',
      'RouteKey: $default\n      Nope: 1',
    );
    const codes = lintTemplateText(text, 'template.yml', { baseDir: dir }).map((f) => f.code);
    expect(codes).toContain('E3002');
  });
});
