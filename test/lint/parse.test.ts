/** Template parsing: positions, short-form tags, JSON, and hostile input refused with a clear error. */
import { LintInputError, lintTemplateText } from '../../generator/lint/index';
import { parseTemplate } from '../../generator/lint/parse';

function refusal(text: string): LintInputError {
  try {
    parseTemplate(text, 't.yml');
  } catch (error) {
    if (error instanceof LintInputError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

describe('parseTemplate', () => {
  it('turns short-form tags into long-form intrinsics', () => {
    const { value } = parseTemplate(
      [
        'Resources:',
        '  A:',
        '    Type: X::Y::Z',
        '    Properties:',
        '      R: !Ref B',
        '      G: !GetAtt B.Arn.Deep',
        '      S: !Sub [ "${x}", { x: !Ref B } ]',
        '      I: !If [C, !Equals [a, b], !Condition D]',
      ].join('\n'),
      't.yml',
    );
    expect((value.Resources as Record<string, { Properties: unknown }>).A.Properties).toEqual({
      R: { Ref: 'B' },
      G: { 'Fn::GetAtt': ['B', 'Arn.Deep'] },
      S: { 'Fn::Sub': ['${x}', { x: { Ref: 'B' } }] },
      I: { 'Fn::If': ['C', { 'Fn::Equals': ['a', 'b'] }, { Condition: 'D' }] },
    });
  });

  it('records the line and column of keys and items', () => {
    const { positions } = parseTemplate(
      'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn:\n      - A\n',
      't.yml',
    );
    expect(positions.get('Resources/Queue/Type')).toEqual({ line: 3, column: 5 });
    expect(positions.get('Resources/Queue/DependsOn/0')).toEqual({ line: 5, column: 9 });
  });

  it('reads JSON templates with positions', () => {
    const json =
      '{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue", "Properties": { "Nmae": 1 } }\n  }\n}\n';
    const [finding] = lintTemplateText(json, 't.json');
    expect(finding).toMatchObject({
      code: 'E3002',
      path: 'Resources/Q/Properties/Nmae',
      line: 3,
      column: 55,
    });
  });

  it.each([
    [
      'a syntax error, with its line and column',
      'Resources:\n  A: [1, 2\n',
      'E_LINT_PARSE',
      /t\.yml:\d+:\d+: cannot parse/,
    ],
    ['duplicate keys', 'Resources:\n  A: 1\n  A: 2\n', 'E_LINT_PARSE', /t\.yml:3:3/],
    [
      'an unknown tag',
      'Resources:\n  A: !Reference B\n',
      'E_LINT_PARSE',
      /t\.yml:2:\d+: cannot parse template: unknown tag !Reference$/,
    ],
    ['a template that is a list', '- Resources\n- Outputs\n', 'E_LINT_NOT_A_TEMPLATE', /got a list/],
    ['an empty file', '', 'E_LINT_NOT_A_TEMPLATE', /got empty/],
    ['binary data', `Resources:\u0000\u0001\u0002`, 'E_LINT_BINARY', /binary/],
    [
      'a 20 MB file',
      `Description: ${'x'.repeat(20 * 1024 * 1024)}\n`,
      'E_LINT_TOO_LARGE',
      /larger than 5 MB/,
    ],
    [
      'deeply nested flow collections',
      `Resources: ${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'E_LINT_TOO_DEEP',
      /nests more than 200 \[ \] or \{ \} levels/,
    ],
    [
      'deeply nested block mappings',
      `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1`,
      'E_LINT_TOO_DEEP',
      /indented more than 400 columns/,
    ],
    [
      'mappings nested past 100 levels',
      `${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1`,
      'E_LINT_TOO_DEEP',
      /nested more than 100 levels/,
    ],
    [
      'a YAML bomb (aliases expanding exponentially)',
      [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        ...'bcdefghij'.split('').map((c, i) => {
          const prev = 'abcdefghij'[i];
          return `${c}: &${c} [${Array(10).fill(`*${prev}`).join(', ')}]`;
        }),
        'Resources: *j',
      ].join('\n'),
      'E_LINT_TOO_LARGE',
      /aliases/,
    ],
  ])('refuses %s with a clear error', (_, text, code, message) => {
    const error = refusal(text);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(message);
  });
});
