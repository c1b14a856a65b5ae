/** Rule details the fixtures do not pin down: exemptions, options, ordering and the helpers behind rules. */
import { aslProblems, totalWaitSeconds } from '../../generator/lint/asl';
import { lintTemplateText } from '../../generator/lint/index';
import { renderVtl } from '../../generator/lint/vtl-sample';

const machine = (definition: object) =>
  [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Machine:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      Type: EXPRESS',
    `      Definition: ${JSON.stringify(definition)}`,
  ].join('\n');

const codes = (text: string, options = {}) => lintTemplateText(text, 't.yml', options).map((f) => f.code);

describe('IAM Resource "*"', () => {
  const policy = (actions: string[]) =>
    machine({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }) +
    `\n      Policies:\n        - Statement:\n            - Effect: Allow\n              Action: ${JSON.stringify(actions)}\n              Resource: "*"\n`;

  it('does not flag actions without resource-level permissions (Express state machine logging)', () => {
    expect(
      codes(policy(['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:DescribeLogGroups'])),
    ).toEqual([]);
  });

  it('takes which actions accept only "*" from the IAM data, not a hand-kept list', () => {
    expect(codes(policy(['ssm:DescribeParameters', 'ecr:GetAuthorizationToken', 'sqs:ListQueues']))).toEqual(
      [],
    );
  });

  it('leaves actions whose service part is a pattern to IAM', () => {
    expect(codes(policy(['*:Describe*']))).toEqual([]);
  });

  it('flags a statement as soon as one action could be scoped', () => {
    expect(codes(policy(['logs:CreateLogDelivery', 'dynamodb:PutItem']))).toEqual(['W9102']);
  });

  it('does not flag service principals as hard-coded domains', () => {
    const text = `Resources:\n  Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: f\n      Principal: apigateway.amazonaws.com\n`;
    expect(codes(text)).toEqual([]);
  });
});

describe('lintTemplateText options', () => {
  const broken =
    'Parameters:\n  P:\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Nmae: x\n';

  it('returns findings in file order', () => {
    expect(lintTemplateText(broken, 't.yml').map((f) => [f.line, f.code])).toEqual([
      [2, 'W2001'],
      [8, 'E3002'],
    ]);
  });

  it('drops ignored checks by code or prefix', () => {
    expect(codes(broken, { ignoreChecks: ['W2001'] })).toEqual(['E3002']);
    expect(codes(broken, { ignoreChecks: ['E3'] })).toEqual(['W2001']);
  });

  it('judges runtime deprecation on the given date', () => {
    const fn = (runtime: string) =>
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: index.handler\n      Runtime: ${runtime}\n`;
    expect(codes(fn('nodejs20.x'), { now: new Date('2026-04-29') })).toEqual([]);
    expect(codes(fn('nodejs20.x'), { now: new Date('2026-05-01') })).toEqual(['W2531']);
    // Deprecated is a warning; once Lambda refuses to create functions on it, the stack cannot deploy.
    expect(codes(fn('nodejs20.x'), { now: new Date('2026-08-31') })).toEqual(['E2533']);
    expect(codes(fn('nodejs12.x'), { now: new Date('2026-11-21') })).toEqual(['E2533']);
    expect(codes(fn('python3.7'), { now: new Date('2026-11-21') })).toEqual(['E2533']);
    expect(codes(fn('python3.8'), { now: new Date('2025-09-30') })).toEqual(['W2531']);
    expect(codes(fn('dotnet8'), { now: new Date('2026-11-09') })).toEqual([]);
    expect(codes(fn('nodejs24.x'), { now: new Date('2028-04-29') })).toEqual([]);
  });

  it('recommends the newest runtime of the family that is not deprecated on that date', () => {
    const message = (runtime: string, now: string) =>
      lintTemplateText(
        `Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: ${runtime}\n      Handler: h\n      Role: r\n      Code: {ZipFile: x}\n`,
        't.yml',
        { now: new Date(now) },
      )[0]?.message;
    expect(message('dotnet8', '2026-11-21')).toMatch(/deprecated since 2026-11-10; use dotnet10$/);
    expect(message('nodejs18.x', '2026-11-21')).toMatch(/use nodejs24\.x$/);
    expect(message('nodejs18.x', '2028-05-01')).toMatch(
      /refuses new functions on it since 2025-10-01 and updates since 2026-03-09$/,
    );
  });

  it('runs the asl-validator package only when asked', () => {
    const text = machine({ StartAt: 'A', States: { A: { Type: 'Pass', End: true, Unknown: 1 } } });
    expect(codes(text)).toEqual([]);
    expect(codes(text, { aslValidator: true })).toEqual(['E9018']);
  });
});

describe('ASL structure', () => {
  it('accepts a valid definition with nested branches', () => {
    const branch = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 4, End: true } } };
    const definition = {
      StartAt: 'P',
      States: {
        P: { Type: 'Parallel', Branches: [branch, branch], Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Done' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    expect(aslProblems(definition)).toEqual([]);
    expect(totalWaitSeconds(definition)).toBe(4);
  });

  it.each([
    [{ States: { A: { Type: 'Pass', End: true } } }, /StartAt is missing/],
    [{ StartAt: 'A', States: { A: { Type: 'Sleep', End: true } } }, /Type "Sleep"/],
    [
      { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A', End: true } } },
      /exactly one of Next or "End": true/,
    ],
    [{ StartAt: 'A', States: { A: { Type: 'Wait', End: true } } }, /exactly one of Seconds/],
    [{ StartAt: 'A', States: { A: { Type: 'Task', End: true } } }, /needs a Resource/],
    [{ StartAt: 'A', States: { A: { Type: 'Map', End: true } } }, /needs an ItemProcessor/],
  ])('rejects %j', (definition, problem) => {
    expect(aslProblems(definition).join('; ')).toMatch(problem);
  });
});

describe('request template rendering', () => {
  it('gives replaceAll Java regex semantics, as API Gateway does', () => {
    const template = '#set($b = $util.escapeJavaScript($input.body).replaceAll("\\\\\'", "\'"))$b';
    expect(renderVtl(template, `{"a":"it's"}`)).toBe('{\\"a\\":\\"it\'s\\"}');
  });

  it('supplies $input.json and $context', () => {
    expect(renderVtl(`$input.json('$.data') $context.routeKey`, '{"data":{"x":1}}')).toBe(
      '{"x":1} sendmessage',
    );
  });
});

describe('resource types outside the specification', () => {
  it.each([
    ['Custom::Seeder', []],
    ['AWS::CloudFormation::CustomResource', []],
    ['Acme::Monitoring::Dashboard', []],
    ['Acme::Shared::Network::MODULE', []],
    ['AWS::Lambda::Functoin', ['E3006']],
  ])('%s → %j', (type, expected) => {
    expect(codes(`Resources:\n  R:\n    Type: ${type}\n    Properties:\n      Anything: 1\n`)).toEqual(
      expected,
    );
  });
});
