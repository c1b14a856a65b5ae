/**
 * A small stand-in for CloudFormation and S3 behind aws-sdk-client-mock: stacks with a status and an
 * event history, and scripted progress (each DescribeStacks poll advances an operation one step),
 * so deploy tests read as scenarios instead of chains of canned responses.
 */
import {
  type Change,
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Output,
  type ResourceStatus,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import type { Clock, Terminal } from '../../generator/deploy/terminal';

/** One poll's worth of progress: the events that appear and the status the stack then has. */
export interface Step {
  readonly status: string;
  readonly events?: readonly [logicalId: string, status: string, reason?: string][];
  /** Outputs the stack has from this step on. */
  readonly outputs?: Output[];
}

export interface FakeStack {
  name: string;
  id: string;
  status: string;
  outputs: Output[];
  parameters: string[];
  events: StackEvent[];
  pending: Step[];
}

export interface Scenario {
  /** What DescribeChangeSet answers: a list of changes, or 'no-changes'. */
  changeSet?: readonly Change[] | 'no-changes';
  /** Progress after ExecuteChangeSet. */
  execute?: readonly Step[];
  /** Progress after DeleteStack. */
  delete?: readonly Step[];
  /** Progress after CreateStack (the managed bucket stack). */
  create?: readonly Step[];
  /** S3 keys that already exist. */
  existingKeys?: readonly string[];
}

export const REGION = 'eu-west-1';
export const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };

let eventCounter = 0;
const NO_CHANGES_REASON =
  "The submitted information didn't contain changes. Submit different information to create a change set.";

export function fakeCloud(scenario: Scenario = {}) {
  const cfnMock = mockClient(CloudFormationClient);
  const s3Mock = mockClient(S3Client);
  const stacks = new Map<string, FakeStack>();
  const uploads = new Map<string, Buffer | string>();
  const existing = new Set(scenario.existingKeys ?? []);
  /** Errors the next calls of a command throw, by command name (e.g. 'DescribeStacks'). */
  const failures: Record<string, Error[]> = {};
  const maybeFail = (command: string) => {
    const error = failures[command]?.shift();
    if (error) throw error;
  };

  const find = (nameOrId: string) =>
    [...stacks.values()].find((s) => s.name === nameOrId || s.id === nameOrId);
  const missing = (name: string) =>
    Object.assign(new Error(`Stack with id ${name} does not exist`), {
      name: 'ValidationError',
      $metadata: {},
    });

  function addStack(name: string, status: string, extra: Partial<FakeStack> = {}): FakeStack {
    const stack: FakeStack = {
      name,
      id: `arn:aws:cloudformation:${REGION}:123456789012:stack/${name}/${stacks.size + 1}`,
      status,
      outputs: [],
      parameters: [],
      events: [],
      pending: [],
      ...extra,
    };
    stacks.set(name, stack);
    addEvents(stack, [[name, status]]);
    return stack;
  }

  function addEvents(stack: FakeStack, events: NonNullable<Step['events']>) {
    for (const [logicalId, status, reason] of events) {
      stack.events.unshift({
        EventId: `event-${++eventCounter}`,
        StackId: stack.id,
        StackName: stack.name,
        LogicalResourceId: logicalId,
        ResourceType: logicalId === stack.name ? 'AWS::CloudFormation::Stack' : 'AWS::Lambda::Function',
        ResourceStatus: status as ResourceStatus,
        ResourceStatusReason: reason,
        Timestamp: new Date(Date.UTC(2026, 0, 1, 12, 0, eventCounter % 60)),
      });
    }
  }

  function advance(stack: FakeStack) {
    const step = stack.pending.shift();
    if (!step) return;
    addEvents(stack, step.events ?? []);
    addEvents(stack, [[stack.name, step.status]]);
    stack.status = step.status;
    if (step.outputs) stack.outputs = step.outputs;
    if (step.status === 'DELETE_COMPLETE') stacks.delete(stack.name);
  }

  // Deleted stacks stay findable by id, as in CloudFormation.
  const deleted = new Map<string, FakeStack>();
  const findAny = (nameOrId: string) => find(nameOrId) ?? deleted.get(nameOrId);

  cfnMock.on(DescribeStacksCommand).callsFake(({ StackName }) => {
    maybeFail('DescribeStacks');
    const stack = findAny(StackName);
    if (!stack || (stack.status === 'DELETE_COMPLETE' && StackName === stack.name)) throw missing(StackName);
    advance(stack);
    if (stack.status === 'DELETE_COMPLETE') deleted.set(stack.id, stack);
    return {
      Stacks: [
        {
          StackName: stack.name,
          StackId: stack.id,
          StackStatus: stack.status,
          Outputs: stack.outputs,
          Parameters: stack.parameters.map((key) => ({ ParameterKey: key, ParameterValue: 'old' })),
          CreationTime: new Date(0),
        },
      ],
    };
  });
  cfnMock.on(DescribeStackEventsCommand).callsFake(({ StackName }) => {
    const stack = findAny(StackName);
    if (!stack) throw missing(StackName);
    return { StackEvents: [...stack.events] };
  });
  cfnMock.on(CreateChangeSetCommand).callsFake(({ StackName, ChangeSetType }) => {
    const stack =
      find(StackName) ?? (ChangeSetType === 'CREATE' ? addStack(StackName, 'REVIEW_IN_PROGRESS') : undefined);
    if (!stack) throw missing(StackName);
    return { Id: `arn:aws:cloudformation:${REGION}:123456789012:changeSet/cs/1`, StackId: stack.id };
  });
  cfnMock.on(DescribeChangeSetCommand).callsFake(() => {
    if (scenario.changeSet !== 'no-changes')
      return { Status: 'CREATE_COMPLETE', Changes: scenario.changeSet ?? [] };
    return { Status: 'FAILED', StatusReason: NO_CHANGES_REASON };
  });
  cfnMock.on(ExecuteChangeSetCommand).callsFake(() => {
    const stack = [...stacks.values()].find((s) => s.name !== 'wskit-managed-artifacts') as FakeStack;
    stack.pending = [...(scenario.execute ?? [])];
    return {};
  });
  cfnMock.on(DeleteChangeSetCommand).resolves({});
  cfnMock.on(DeleteStackCommand).callsFake(({ StackName }) => {
    const stack = find(StackName) as FakeStack;
    stack.pending = [...(scenario.delete ?? [{ status: 'DELETE_COMPLETE' }])];
    return {};
  });
  cfnMock.on(CreateStackCommand).callsFake(({ StackName }) => {
    const stack = addStack(StackName, 'CREATE_IN_PROGRESS');
    stack.pending = [...(scenario.create ?? [])];
    return { StackId: stack.id };
  });

  s3Mock.on(HeadObjectCommand).callsFake(({ Key }) => {
    if (existing.has(Key) || uploads.has(Key)) return { ContentLength: 1 };
    throw Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  });
  s3Mock.on(PutObjectCommand).callsFake(({ Key, Body }) => {
    uploads.set(Key, Body);
    return { ETag: '"etag"' };
  });

  const cfn = new CloudFormationClient({ region: REGION, credentials });
  const s3 = new S3Client({ region: REGION, credentials });
  return { cfnMock, s3Mock, stacks, uploads, addStack, failures, cfn, s3 };
}

/** Captures lines; `tty` adds a progress line and answers questions with `answers` in order. */
export function captureTerminal({ tty = false, answers = [] as boolean[] } = {}) {
  const lines: string[] = [];
  const questions: string[] = [];
  const progress: (string | undefined)[] = [];
  const terminal: Terminal = { line: (text) => lines.push(text) };
  if (tty) {
    terminal.progress = (text) => progress.push(text);
    terminal.confirm = async (question) => {
      questions.push(question);
      return answers.shift() ?? false;
    };
  }
  return { terminal, lines, questions, progress, text: () => lines.join('\n') };
}

/** Time that moves only when the code sleeps, so polling tests run at once. */
export function fakeClock(onSleep?: (slept: number) => void): Clock & { slept: number } {
  let now = Date.UTC(2026, 0, 1, 12);
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      clock.slept++;
      onSleep?.(clock.slept);
    },
  };
  return clock;
}
