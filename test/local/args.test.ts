/** `wskit local` argument parsing, as a table of command-line input → options or error. */
import { type LocalFlags, localRequest } from '../../generator/cli/commands/local.args';

describe('localRequest', () => {
  it.each<[string | undefined, LocalFlags, object]>([
    [
      undefined,
      {},
      {
        target: '.',
        port: 3001,
        host: '127.0.0.1',
        waitScale: 1,
        verbose: false,
        watch: false,
        offline: false,
        schedules: true,
        console: { port: 3002 },
      },
    ],
    ['.', { console: false }, { console: false }],
    ['.', { consolePort: '0' }, { console: { port: 0 } }],
    ['.', { port: '0' }, { console: { port: 0 } }],
    ['.', { port: '0', consolePort: '4000' }, { console: { port: 4000 } }],
    ['.', { schedules: false }, { schedules: false }],
    [
      'my-api',
      { port: '0', waitScale: '0', verbose: true, watch: true, offline: true },
      { target: 'my-api', port: 0, waitScale: 0, verbose: true, watch: true, offline: true },
    ],
    ['t.yml', { stage: 'dev_1', region: 'eu-west-1' }, { stage: 'dev_1', region: 'eu-west-1' }],
    ['cdk.out', { stack: 'Chat' }, { target: 'cdk.out', stack: 'Chat', synth: true }],
    ['.', { synth: false }, { synth: false }],
    ['.', { waitScale: '0.25', host: '0.0.0.0' }, { waitScale: 0.25, host: '0.0.0.0', allowOrigins: [] }],
    [
      '.',
      { allowOrigin: ['https://App.example.com:443', ' http://localhost:5173', '*'] },
      { allowOrigins: ['https://app.example.com', 'http://localhost:5173', '*'] },
    ],
    [
      '.',
      { idleTimeout: '30', maxConnectionDuration: '1.5' },
      { idleTimeoutMs: 30_000, maxConnectionMs: 1500 },
    ],
    [
      '.',
      { parameterOverrides: ['Stage=qa', 'Url=https://x/?a=b Empty='] },
      { parameterOverrides: { Stage: 'qa', Url: 'https://x/?a=b', Empty: '' } },
    ],
    [
      '.',
      { parameterOverrides: ['ParameterKey=Stage,ParameterValue=qa ParameterKey=Size,ParameterValue=1,2'] },
      { parameterOverrides: { Stage: 'qa', Size: '1,2' } },
    ],
    [
      '.',
      { iamCredentials: ['ci/credentials', 'more/credentials'] },
      { iamCredentialFiles: ['ci/credentials', 'more/credentials'] },
    ],
  ])('%s %j → %j', (target, flags, expected) => {
    expect(localRequest(target, flags)).toMatchObject(expected);
  });

  it.each<[LocalFlags, RegExp]>([
    [{ port: '70000' }, /--port "70000": expected a whole number from 0 to 65535/],
    [{ port: 'abc' }, /--port "abc"/],
    [{ port: '-1' }, /--port "-1"/],
    [{ waitScale: '-1' }, /--wait-scale "-1": expected a number of 0 or more/],
    [{ waitScale: 'fast' }, /--wait-scale "fast"/],
    [{ stage: 'bad stage' }, /--stage "bad stage": use letters, digits/],
    [{ region: 'mars' }, /--region "mars"/],
    [{ idleTimeout: '0' }, /--idle-timeout "0": expected more than 0 seconds/],
    [{ allowOrigin: ['app.example.com'] }, /--allow-origin "app.example.com": expected an origin such as/],
    [{ allowOrigin: ['https://app.example.com/chat'] }, /--allow-origin "https:\/\/app.example.com\/chat"/],
    [{ parameterOverrides: ['Stage'] }, /--parameter-overrides "Stage": expected Key=Value/],
    [{ parameterOverrides: ['=qa'] }, /--parameter-overrides "=qa"/],
    [{ consolePort: '3002x' }, /--console-port "3002x": expected a whole number from 0 to 65535/],
  ])('fails on %j', (flags, message) => {
    expect(() => localRequest('.', flags)).toThrow(message);
    expect(() => localRequest('.', flags)).toThrow(expect.objectContaining({ exitCode: 2, code: 'E_USAGE' }));
  });
});
