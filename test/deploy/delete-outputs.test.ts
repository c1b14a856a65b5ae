import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { deleteStack } from '../../generator/deploy/delete';
import { DeployError } from '../../generator/deploy/errors';
import { printOutputs } from '../../generator/deploy/outputs';
import { captureTerminal, fakeClock, fakeCloud, REGION, type Scenario } from './fake-cloud';

function setup(scenario: Scenario = {}, terminalOptions = {}) {
  const cloud = fakeCloud(scenario);
  const out = captureTerminal(terminalOptions);
  return {
    ...cloud,
    ...out,
    ctx: { cfn: cloud.cfn, terminal: out.terminal, clock: fakeClock(), region: REGION },
  };
}

const settings = { stackName: 'my-api', confirm: true, ignoreMissing: false };

describe('wskit delete', () => {
  it('deletes the stack and streams its events until it is gone', async () => {
    const t = setup({
      delete: [
        { status: 'DELETE_IN_PROGRESS', events: [['HelloFunction', 'DELETE_IN_PROGRESS']] },
        { status: 'DELETE_COMPLETE', events: [['HelloFunction', 'DELETE_COMPLETE']] },
      ],
    });
    t.addStack('my-api', 'UPDATE_COMPLETE');
    await expect(deleteStack(settings, t.ctx)).resolves.toBe(0);
    expect(t.cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(1);
    expect(t.lines[0]).toBe('Deleting stack my-api');
    expect(t.lines).toContainEqual(
      expect.stringMatching(/ DELETE_COMPLETE {2}AWS::Lambda::Function {2}HelloFunction$/),
    );
    expect(t.lines.at(-1)).toBe('Deleted stack my-api.');
  });

  it('says clearly that a missing stack does not exist, and exits 0 with --ignore-missing', async () => {
    const t = setup();
    await expect(deleteStack(settings, t.ctx)).rejects.toMatchObject({
      exitCode: 1,
      message: 'stack my-api does not exist in eu-west-1 (pass --ignore-missing to treat that as success)',
    });
    await expect(deleteStack({ ...settings, ignoreMissing: true }, t.ctx)).resolves.toBe(0);
    expect(t.lines).toEqual(['Stack my-api does not exist in eu-west-1; nothing to delete.']);
    expect(t.cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });

  it('prints the reasons when the deletion fails', async () => {
    const t = setup({
      delete: [
        { status: 'DELETE_IN_PROGRESS' },
        { status: 'DELETE_FAILED', events: [['HelloFunction', 'DELETE_FAILED', 'Bucket is not empty']] },
      ],
    });
    t.addStack('my-api', 'CREATE_COMPLETE');
    const failure = deleteStack(settings, t.ctx);
    await expect(failure).rejects.toThrow(DeployError);
    await expect(failure).rejects.toThrow('deleting stack my-api ended in DELETE_FAILED');
    expect(t.lines).toContain('  HelloFunction (AWS::Lambda::Function) DELETE_FAILED: Bucket is not empty');
  });

  it('asks on a terminal and keeps the stack when the answer is no', async () => {
    const t = setup({}, { tty: true, answers: [false] });
    t.addStack('my-api', 'CREATE_COMPLETE');
    await expect(deleteStack(settings, t.ctx)).resolves.toBe(0);
    expect(t.questions).toEqual(['Delete stack my-api and all its resources?']);
    expect(t.cfnMock.commandCalls(DeleteStackCommand)).toHaveLength(0);
  });
});

describe('wskit outputs', () => {
  const outputs = [
    { OutputKey: 'WebSocketApiId', OutputValue: 'abc123' },
    { OutputKey: 'APIEndpoint', OutputValue: 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod' },
  ];

  it('prints a table sorted by key, then the URL and a wscat command', async () => {
    const t = setup();
    t.addStack('my-api', 'CREATE_COMPLETE', { outputs });
    await printOutputs(t.ctx, 'my-api');
    expect(t.lines).toEqual([
      'Output          Value',
      `--------------  ${'-'.repeat('wss://abc123.execute-api.eu-west-1.amazonaws.com/prod'.length)}`,
      'APIEndpoint     wss://abc123.execute-api.eu-west-1.amazonaws.com/prod',
      'WebSocketApiId  abc123',
      '',
      'WebSocket URL: wss://abc123.execute-api.eu-west-1.amazonaws.com/prod',
      'Try it:        wscat -c wss://abc123.execute-api.eu-west-1.amazonaws.com/prod',
    ]);
  });

  it('prints {key: value} JSON with --json', async () => {
    const t = setup();
    t.addStack('my-api', 'CREATE_COMPLETE', { outputs });
    await printOutputs(t.ctx, 'my-api', { json: true });
    expect(JSON.parse(t.text())).toEqual({
      APIEndpoint: 'wss://abc123.execute-api.eu-west-1.amazonaws.com/prod',
      WebSocketApiId: 'abc123',
    });
  });

  it('fails clearly for a missing stack', async () => {
    const t = setup();
    await expect(printOutputs(t.ctx, 'nope')).rejects.toThrow('stack nope does not exist in this region');
  });
});
