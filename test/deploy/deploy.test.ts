import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type DeployContext, deploy } from '../../generator/deploy/deploy';
import { DeployError, InterruptedError } from '../../generator/deploy/errors';
import { MANAGED_STACK_NAME } from '../../generator/deploy/managed-bucket';
import { parseSamConfig } from '../../generator/deploy/samconfig';
import { type DeployFlags, resolveDeploySettings } from '../../generator/deploy/settings';
import { zipFolder } from '../../generator/deploy/zip';
import { captureTerminal, fakeClock, fakeCloud, REGION, type Scenario, type Step } from './fake-cloud';
import { FIXTURE_FILES, removeApp, writeApp } from './fixture-app';

const BUCKET = 'wskit-managed-artifacts-artifactsbucket-abc123';
const API_URL = 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod';
const CREATED: Step[] = [
  { status: 'CREATE_IN_PROGRESS', events: [['HelloFunction', 'CREATE_IN_PROGRESS']] },
  {
    status: 'CREATE_COMPLETE',
    events: [['HelloFunction', 'CREATE_COMPLETE']],
    outputs: [{ OutputKey: 'APIEndpoint', OutputValue: API_URL }],
  },
];
const UPDATED: Step[] = [
  { status: 'UPDATE_IN_PROGRESS', events: [['HelloFunction', 'UPDATE_IN_PROGRESS']] },
  { status: 'UPDATE_COMPLETE', events: [['HelloFunction', 'UPDATE_COMPLETE']] },
];
const CHANGES = [
  {
    Type: 'Resource' as const,
    ResourceChange: {
      Action: 'Add' as const,
      LogicalResourceId: 'HelloFunction',
      ResourceType: 'AWS::Lambda::Function',
    },
  },
];

let appDir: string;
beforeEach(async () => {
  appDir = await writeApp();
});
afterEach(() => removeApp(appDir));

function setup(
  scenario: Scenario = {},
  { managedBucket = true, tty = false, answers = [] as boolean[] } = {},
) {
  const cloud = fakeCloud({ changeSet: CHANGES, ...scenario });
  if (managedBucket) {
    cloud.addStack(MANAGED_STACK_NAME, 'CREATE_COMPLETE', {
      outputs: [{ OutputKey: 'ArtifactsBucketName', OutputValue: BUCKET }],
    });
  }
  const out = captureTerminal({ tty, answers });
  const clock = fakeClock();
  const ctx: DeployContext = { cfn: cloud.cfn, s3: cloud.s3, region: REGION, terminal: out.terminal, clock };
  return { ...cloud, ...out, clock, ctx };
}

function settings(flags: Partial<DeployFlags> = {}) {
  return resolveDeploySettings(
    { appDir, parameterOverrides: {}, tags: {}, ...flags },
    parseSamConfig(FIXTURE_FILES['samconfig.toml']),
  );
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

describe('wskit deploy', () => {
  it('creates a new stack: uploads, CREATE change set, events, outputs and the wscat command', async () => {
    const t = setup({ execute: CREATED });
    await expect(deploy(settings(), t.ctx)).resolves.toBe(0);

    const [call] = t.cfnMock.commandCalls(CreateChangeSetCommand);
    expect(call.args[0].input).toMatchObject({
      StackName: 'fixture',
      ChangeSetType: 'CREATE',
      Capabilities: ['CAPABILITY_AUTO_EXPAND', 'CAPABILITY_IAM'],
      Parameters: [],
      Tags: [],
    });
    expect(t.cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect([...t.uploads.keys()].every((key) => key.startsWith('fixture/'))).toBe(true);
    expect(t.uploads.size).toBe(3);
    expect(t.text()).toContain('Add     HelloFunction  AWS::Lambda::Function');
    expect(t.lines).toContainEqual(
      expect.stringMatching(/^12:00:\d\d {2}CREATE_COMPLETE {2}AWS::Lambda::Function {2}HelloFunction$/),
    );
    expect(t.lines).toContain('Stack fixture: CREATE_COMPLETE');
    expect(t.lines).toContain(`WebSocket URL: ${API_URL}`);
    expect(t.lines).toContain(`Try it:        wscat -c ${API_URL}`);
    expect(t.text()).not.toContain('\x1b'); // not a terminal: no control codes
  });

  it('sends the packaged template with S3 locations, exactly', async () => {
    const t = setup({ execute: CREATED });
    await deploy(settings(), t.ctx);

    const hello = `fixture/${sha256(await zipFolder(join(appDir, 'functions/hello')))}.zip`;
    const world = `fixture/${sha256(await zipFolder(join(appDir, 'functions/world')))}.zip`;
    const asl = `fixture/${sha256(FIXTURE_FILES['statemachine/sync.asl.json'])}.json`;
    for (const key of [hello, world, asl])
      expect(sha256(t.uploads.get(key) as Buffer)).toBe(key.replace(/^fixture\/|\.\w+$/g, ''));
    const body = t.cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input.TemplateBody;
    expect(body).toBe(`AWSTemplateFormatVersion: "2010-09-09"

Transform: AWS::Serverless-2016-10-31

Description: fixture

Parameters:
  StageName:
    Type: String
    Default: prod
  EnableAccessLogs:
    Type: String
    Default: "false"
    AllowedValues:
      - "false"
      - "true"

Resources:
  WebSocketApi:
    Type: AWS::ApiGatewayV2::Api
    Properties:
      Name: !Ref AWS::StackName
      ProtocolType: WEBSOCKET
      RouteSelectionExpression: $request.body.action
  HelloFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://${BUCKET}/${hello}
      Handler: index.handler
      Runtime: nodejs22.x
  WorldFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://${BUCKET}/${world}
      Handler: index.handler
      Runtime: nodejs22.x
  SyncStateMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      DefinitionUri:
        Bucket: ${BUCKET}
        Key: ${asl}

Outputs:
  APIEndpoint:
    Description: WebSocket URL
    Value: !Sub wss://\${WebSocketApi}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${StageName}
`);
  });

  it('updates an existing stack, keeps parameters not overridden, and skips artifacts already uploaded', async () => {
    const t = setup({ execute: UPDATED });
    t.addStack('fixture', 'UPDATE_COMPLETE', { parameters: ['StageName', 'EnableAccessLogs'] });
    await deploy(settings(), t.ctx);
    const firstUploads = t.s3Mock.commandCalls(PutObjectCommand).length;

    await expect(deploy(settings({ parameterOverrides: { StageName: 'dev' } }), t.ctx)).resolves.toBe(0);
    expect(t.s3Mock.commandCalls(PutObjectCommand)).toHaveLength(firstUploads);
    expect(t.lines).toContain(`3 artifact(s) already in s3://${BUCKET}, not uploaded again`);
    const input = t.cfnMock.commandCalls(CreateChangeSetCommand)[1].args[0].input;
    expect(input.ChangeSetType).toBe('UPDATE');
    expect(input.Parameters).toEqual([
      { ParameterKey: 'StageName', ParameterValue: 'dev' },
      { ParameterKey: 'EnableAccessLogs', UsePreviousValue: true },
    ]);
    expect(t.lines).toContain('Stack fixture: UPDATE_COMPLETE');
  });

  it('treats "no changes" as success and deletes the empty change set', async () => {
    const t = setup({ changeSet: 'no-changes' });
    t.addStack('fixture', 'UPDATE_COMPLETE');
    await expect(deploy(settings(), t.ctx)).resolves.toBe(0);
    expect(t.lines).toContain('No changes to deploy: stack fixture is up to date.');
    expect(t.cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(t.cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
  });

  it('fails with the failing resources and their reasons when the update rolls back', async () => {
    const t = setup({
      execute: [
        {
          status: 'UPDATE_IN_PROGRESS',
          events: [['HelloFunction', 'UPDATE_FAILED', 'Memory size 99 is below 128']],
        },
        { status: 'UPDATE_ROLLBACK_IN_PROGRESS', events: [['HelloFunction', 'UPDATE_COMPLETE']] },
        { status: 'UPDATE_ROLLBACK_COMPLETE' },
      ],
    });
    t.addStack('fixture', 'UPDATE_COMPLETE');
    const failure = deploy(settings(), t.ctx);
    await expect(failure).rejects.toThrow(DeployError);
    await expect(failure).rejects.toMatchObject({
      exitCode: 1,
      message: 'deploying stack fixture failed; the stack is UPDATE_ROLLBACK_COMPLETE',
    });
    expect(t.lines).toContain('Failed resources:');
    expect(t.lines).toContain(
      '  HelloFunction (AWS::Lambda::Function) UPDATE_FAILED: Memory size 99 is below 128',
    );
  });

  it('fails a first deploy that rolls back, and says the stack must be deleted before the next one', async () => {
    const t = setup({
      execute: [
        { status: 'CREATE_IN_PROGRESS', events: [['HelloFunction', 'CREATE_FAILED', 'Role is invalid']] },
        { status: 'ROLLBACK_IN_PROGRESS' },
        { status: 'ROLLBACK_COMPLETE' },
      ],
    });
    await expect(deploy(settings(), t.ctx)).rejects.toMatchObject({
      exitCode: 1,
      message:
        'deploying stack fixture failed; the stack is ROLLBACK_COMPLETE (delete it before deploying again: wskit delete --stack-name fixture)',
    });
    expect(t.lines).toContain('  HelloFunction (AWS::Lambda::Function) CREATE_FAILED: Role is invalid');
  });

  it('refuses a stack in ROLLBACK_COMPLETE without a terminal, before uploading anything', async () => {
    const t = setup();
    t.addStack('fixture', 'ROLLBACK_COMPLETE');
    await expect(deploy(settings(), t.ctx)).rejects.toMatchObject({
      code: 'E_DEPLOY_ROLLBACK_COMPLETE',
      message: expect.stringContaining(
        'must be deleted before it can be deployed again: run wskit delete --stack-name fixture',
      ),
    });
    expect(t.s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(t.cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('offers to delete a stack in ROLLBACK_COMPLETE on a terminal, then creates it again', async () => {
    const t = setup({ execute: CREATED }, { tty: true, answers: [true, true] });
    t.addStack('fixture', 'ROLLBACK_COMPLETE');
    await expect(deploy(settings(), t.ctx)).resolves.toBe(0);
    expect(t.questions[0]).toMatch(/^Stack fixture is ROLLBACK_COMPLETE: .* Delete it now\?$/);
    expect(t.questions[1]).toBe('Deploy this change set?');
    expect(t.cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(1);
    expect(t.cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType).toBe('CREATE');
  });

  it('waits for a stack operation in progress, then updates', async () => {
    const t = setup({ execute: UPDATED });
    const busy = t.addStack('fixture', 'UPDATE_IN_PROGRESS');
    busy.pending = [{ status: 'UPDATE_IN_PROGRESS' }, { status: 'UPDATE_COMPLETE' }];
    await expect(deploy(settings(), t.ctx)).resolves.toBe(0);
    expect(t.lines).toContain(
      'Stack fixture is UPDATE_IN_PROGRESS; waiting for it to finish (Ctrl-C stops waiting)',
    );
    expect(t.cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType).toBe('UPDATE');
  });

  it('keeps following the stack when CloudFormation throttles a poll', async () => {
    const t = setup({ execute: UPDATED });
    t.addStack('fixture', 'UPDATE_COMPLETE');
    const throttling = Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: {} });
    t.ctx.clock.sleep = async () => {
      if (t.cfnMock.commandCalls(ExecuteChangeSetCommand).length === 1 && !t.failures.DescribeStacks) {
        t.failures.DescribeStacks = [throttling];
      }
    };
    await expect(deploy(settings(), t.ctx)).resolves.toBe(0);
    expect(t.failures.DescribeStacks).toEqual([]); // the throttled call happened and was absorbed
    expect(t.lines).toContain('Stack fixture: UPDATE_COMPLETE');
  });

  it('stops waiting on Ctrl-C and leaves the stack alone', async () => {
    const t = setup({ execute: [...UPDATED.slice(0, 1), ...UPDATED.slice(0, 1), ...UPDATED.slice(1)] });
    t.addStack('fixture', 'UPDATE_COMPLETE');
    const controller = new AbortController();
    t.ctx.clock.sleep = async () => controller.abort();
    const interrupted = deploy(settings(), { ...t.ctx, signal: controller.signal });
    await expect(interrupted).rejects.toThrow(InterruptedError);
    await expect(interrupted).rejects.toMatchObject({
      exitCode: 130,
      message: expect.stringContaining('aws cloudformation describe-stack-events --stack-name fixture'),
    });
    expect(t.stacks.get('fixture')?.status).toBe('UPDATE_IN_PROGRESS');
    expect(t.cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('on Ctrl-C before the change set, stops without deploying anything', async () => {
    const t = setup({ execute: CREATED });
    const controller = new AbortController();
    controller.abort();
    await expect(deploy(settings(), { ...t.ctx, signal: controller.signal })).rejects.toMatchObject({
      exitCode: 130,
      message: 'stopped after uploading; nothing was deployed',
    });
    expect(t.cfnMock.commandCalls(CreateChangeSetCommand)).toHaveLength(0);
  });

  it('rejects a parameter override the template does not declare before any call to AWS', async () => {
    const t = setup();
    await expect(deploy(settings({ parameterOverrides: { Stage: 'dev' } }), t.ctx)).rejects.toMatchObject({
      code: 'E_DEPLOY_UNKNOWN_PARAMETER',
      message:
        'parameter override Stage does not match the template: its parameters are "StageName" or "EnableAccessLogs"',
    });
    await expect(
      deploy(settings({ parameterOverrides: { EnableAccessLogs: 'yes' } }), t.ctx),
    ).rejects.toMatchObject({
      code: 'E_DEPLOY_PARAMETER_VALUE',
    });
    expect(t.cfnMock.calls()).toHaveLength(0);
    expect(t.s3Mock.calls()).toHaveLength(0);
  });

  it('creates the managed bucket stack on first use and uploads to its bucket', async () => {
    const t = setup(
      {
        execute: CREATED,
        create: [
          {
            status: 'CREATE_COMPLETE',
            outputs: [{ OutputKey: 'ArtifactsBucketName', OutputValue: 'made-bucket' }],
          },
        ],
      },
      { managedBucket: false },
    );
    await expect(deploy(settings(), t.ctx)).resolves.toBe(0);
    const [create] = t.cfnMock.commandCalls(CreateStackCommand);
    expect(create.args[0].input.StackName).toBe(MANAGED_STACK_NAME);
    const bucket = JSON.parse(create.args[0].input.TemplateBody as string).Resources.ArtifactsBucket;
    expect(bucket.Properties.BucketEncryption).toBeDefined();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.LifecycleConfiguration.Rules[0].Status).toBe('Enabled');
    expect(
      t.s3Mock.commandCalls(PutObjectCommand).every((c) => c.args[0].input.Bucket === 'made-bucket'),
    ).toBe(true);
    expect(t.lines[0]).toMatch(/^Creating the managed artifacts bucket/);
  });

  it('uses --s3-bucket without touching the managed bucket stack', async () => {
    const t = setup({ execute: CREATED }, { managedBucket: false });
    await deploy(settings({ s3Bucket: 'my-bucket' }), t.ctx);
    expect(t.cfnMock.commandCalls(CreateStackCommand)).toHaveLength(0);
    expect(t.s3Mock.commandCalls(PutObjectCommand).every((c) => c.args[0].input.Bucket === 'my-bucket')).toBe(
      true,
    );
  });

  it('asks before executing on a terminal, deletes the change set when declined, and shows live progress', async () => {
    const declined = setup({ execute: CREATED }, { tty: true, answers: [false] });
    await expect(deploy(settings(), declined.ctx)).resolves.toBe(0);
    expect(declined.cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(declined.cfnMock.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
    expect(declined.lines).toContain('Not deployed; the change set was deleted.');

    const accepted = setup({ execute: CREATED }, { tty: true, answers: [true] });
    await deploy(settings(), accepted.ctx);
    expect(accepted.progress).toContain('fixture CREATE_IN_PROGRESS: 0 resources done, 0:00 elapsed');
    expect(accepted.progress.at(-1)).toBeUndefined(); // cleared at the end
  });

  it('does not ask with --no-confirm, and leaves the change set with --no-execute', async () => {
    const t = setup({ execute: CREATED }, { tty: true });
    await deploy(settings({ confirm: false }), t.ctx);
    expect(t.questions).toEqual([]);
    expect(t.cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);

    const review = setup({ execute: CREATED });
    await expect(deploy(settings({ execute: false }), review.ctx)).resolves.toBe(0);
    expect(review.cfnMock.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0);
    expect(review.lines.at(-1)).toMatch(
      /^Change set created, not executed\. To execute it: aws cloudformation execute-change-set --change-set-name arn:/,
    );
  });

  it('passes a template over 51,200 bytes by URL from the artifacts bucket', async () => {
    const big = `${FIXTURE_FILES['template.yml']}Metadata:\n  Padding: ${'x'.repeat(52_000)}\n`;
    await writeFile(join(appDir, 'template.yml'), big);
    const t = setup({ execute: CREATED });
    await deploy(settings(), t.ctx);
    const input = t.cfnMock.commandCalls(CreateChangeSetCommand)[0].args[0].input;
    expect(input.TemplateBody).toBeUndefined();
    expect(input.TemplateURL).toMatch(
      new RegExp(`^https://${BUCKET}\\.s3\\.eu-west-1\\.amazonaws\\.com/fixture/[0-9a-f]{64}\\.template$`),
    );
    const key = (input.TemplateURL as string).replace(/^https:\/\/[^/]+\//, '');
    expect(String(t.uploads.get(key))).toContain('CodeUri: s3://');
  });

  it('names a missing function folder before any call to AWS', async () => {
    await removeApp(join(appDir, 'functions/world'));
    const t = setup();
    await expect(deploy(settings(), t.ctx)).rejects.toMatchObject({
      code: 'E_DEPLOY_ARTIFACT_MISSING',
      message: `WorldFunction.CodeUri: functions/world/ does not exist in ${appDir} (run wskit generate again?)`,
    });
    expect(t.cfnMock.calls()).toHaveLength(0);
  });
});
