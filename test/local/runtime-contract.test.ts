/**
 * One contract every Lambda runtime of the emulator keeps, run against each (nodejs, python) through
 * the warm pool: replies matched to invocations, module state kept warm, a handler's exception
 * returned with its type, and a timeout, an exit or a failed init handled as Lambda does, the
 * timed-out or exited environment replaced by a fresh one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionPool, type InvokeOutcome } from '../../generator/local/lambda/pool';
import { runtimeOf } from '../../generator/local/lambda/runtimes';
import type { LocalFunction } from '../../generator/local/types';

interface RuntimeCase {
  readonly runtime: string;
  readonly file: string;
  readonly handler: string;
  /** A module that counts its invocations and loops, exits or throws a TypeError when told to. */
  readonly source: string;
  /** A module whose import fails at init. */
  readonly brokenSource: string;
}

const CASES: readonly RuntimeCase[] = [
  {
    runtime: 'nodejs22.x',
    file: 'index.js',
    handler: 'index.handler',
    source: `
let count = 0;
exports.handler = async (event, context) => {
  count += 1;
  if (event.loop) for (;;);
  if (event.exit) process.exit(5);
  if (event.fail) throw new TypeError('no good: ' + event.n);
  return { n: event.n, count, requestId: context.awsRequestId };
};`,
    brokenSource: "require('./not-there');\nexports.handler = async () => 1;",
  },
  {
    runtime: 'python3.12',
    file: 'app.py',
    handler: 'app.handler',
    source: `
import os
count = 0
def handler(event, context):
    global count
    count += 1
    if event.get("loop"):
        while True:
            pass
    if event.get("exit"):
        os._exit(5)
    if event.get("fail"):
        raise TypeError("no good: %s" % event["n"])
    return {"n": event["n"], "count": count, "requestId": context.aws_request_id}
`,
    brokenSource: 'import not_there\ndef handler(event, context):\n    return 1\n',
  },
];

function poolFor(test: RuntimeCase, source: string, files: Record<string, string> = {}): FunctionPool {
  const codeDir = mkdtempSync(join(tmpdir(), 'wskit-runtime-contract-'));
  for (const [file, text] of Object.entries({ ...files, [test.file]: source })) {
    writeFileSync(join(codeDir, file), text);
  }
  const fn: LocalFunction = {
    id: 'Contract',
    name: 'app-Contract',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:app-Contract',
    codeDir,
    handler: test.handler,
    runtime: test.runtime,
    timeoutSeconds: 1,
    memoryMb: 128,
    environment: {},
  };
  const choice = runtimeOf(fn);
  if (!choice.ok) throw new Error(choice.reason);
  return new FunctionPool(fn, {
    runtime: choice.runtime,
    environment: { PATH: process.env.PATH ?? '', ...choice.runtime.environment(test.runtime) },
    maxEnvironments: 1,
    onOutput: () => {},
  });
}

type Reply = { n: number; count: number; requestId: string };

function reply(outcome: InvokeOutcome): Reply {
  if (!outcome.ok) throw new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  return outcome.result as Reply;
}

const errorOf = (outcome: InvokeOutcome) => (outcome.ok ? undefined : outcome.error);

describe.each(CASES)('Lambda runtime contract: $runtime', (test) => {
  it('matches replies to invocations in order, one at a time, keeping module state warm', async () => {
    const pool = poolFor(test, test.source);
    try {
      const outcomes = await Promise.all(Array.from({ length: 12 }, (_, n) => pool.invoke({ n })));
      expect(outcomes.map((outcome) => reply(outcome).n)).toEqual(Array.from({ length: 12 }, (_, n) => n));
      expect(outcomes.map((outcome) => reply(outcome).count)).toEqual(
        Array.from({ length: 12 }, (_, n) => n + 1),
      );
      for (const outcome of outcomes) expect(reply(outcome).requestId).toBe(outcome.requestId);
    } finally {
      await pool.close();
    }
  });

  it("returns the handler's exception with its type, and the environment stays warm", async () => {
    const pool = poolFor(test, test.source);
    try {
      expect(reply(await pool.invoke({ n: 1 })).count).toBe(1);
      expect(errorOf(await pool.invoke({ n: 2, fail: true }))).toMatchObject({
        errorType: 'TypeError',
        errorMessage: 'no good: 2',
      });
      expect(reply(await pool.invoke({ n: 3 })).count).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it.each([
    ['loop', 'Sandbox.Timedout', 'Task timed out after 1.00 seconds'],
    ['exit', 'Runtime.ExitError', 'the runtime exited with code 5'],
  ])(
    'fails a call that does "%s" with %s; the next call gets a fresh environment',
    async (how, type, message) => {
      const pool = poolFor(test, test.source);
      try {
        expect(reply(await pool.invoke({ n: 1 })).count).toBe(1);
        expect(errorOf(await pool.invoke({ n: 2, [how]: true }))).toEqual({
          errorType: type,
          errorMessage: message,
        });
        expect(reply(await pool.invoke({ n: 3 })).count).toBe(1);
      } finally {
        await pool.close();
      }
    },
  );

  it('reports a failed init on every call, as Runtime.ImportModuleError', async () => {
    const pool = poolFor(test, test.brokenSource);
    try {
      for (const n of [1, 2]) {
        expect(errorOf(await pool.invoke({ n }))?.errorType).toBe('Runtime.ImportModuleError');
      }
    } finally {
      await pool.close();
    }
  });
});

describe('Lambda runtime: nodejs, the SDK it includes', () => {
  const node = CASES.find((test) => test.runtime.startsWith('nodejs')) as RuntimeCase;

  it('says, when a handler requires the AWS SDK v2, that the runtime includes only v3', async () => {
    const pool = poolFor(node, "const AWS = require('aws-sdk');\nexports.handler = async () => 1;");
    try {
      expect(errorOf(await pool.invoke({ n: 1 }))).toMatchObject({
        errorType: 'Runtime.ImportModuleError',
        errorMessage: expect.stringMatching(
          /^Cannot find module 'aws-sdk' \(the Lambda Node\.js runtimes from nodejs18\.x on include only the AWS SDK v3/,
        ),
      });
    } finally {
      await pool.close();
    }
  });
});

describe('Lambda runtime: nodejs, dependencies nobody installed', () => {
  const node = CASES.find((test) => test.runtime.startsWith('nodejs')) as RuntimeCase;

  it.each([
    [
      'an ES module',
      'index.mjs',
      "import pad from 'wskit-test-pad/left.js';\nexport const handler = async () => pad;",
    ],
    ['CommonJS', 'index.js', "const pad = require('wskit-test-pad');\nexports.handler = async () => pad;"],
  ])('says, for %s importing a package its package.json lists, to install it', async (_, file, source) => {
    const manifest = JSON.stringify({ dependencies: { 'wskit-test-pad': '^1.0.0' } });
    const pool = poolFor({ ...node, file }, source, { 'package.json': manifest });
    try {
      expect(errorOf(await pool.invoke({ n: 1 }))).toMatchObject({
        errorType: 'Runtime.ImportModuleError',
        errorMessage: expect.stringMatching(
          /package\.json lists wskit-test-pad, but it is not installed: run npm install in \S*wskit-runtime-contract-\w+, as sam build does\)$/m,
        ),
      });
    } finally {
      await pool.close();
    }
  });
});

describe('Lambda runtime: python, what Lambda leaves out', () => {
  const python = CASES.find((test) => test.runtime.startsWith('python')) as RuntimeCase;

  it('gives the handler an empty stdin, so reading it cannot take the next invocation', async () => {
    const pool = poolFor(
      python,
      'import sys\ndef handler(event, context):\n    return {"read": sys.stdin.read(), "n": event["n"]}\n',
    );
    try {
      const outcomes = await Promise.all([1, 2].map((n) => pool.invoke({ n })));
      expect(outcomes.map((outcome) => outcome.ok && outcome.result)).toEqual([
        { read: '', n: 1 },
        { read: '', n: 2 },
      ]);
    } finally {
      await pool.close();
    }
  });

  it("names the command that installs the function's requirements.txt when a dependency is missing", async () => {
    const pool = poolFor(python, python.brokenSource, { 'requirements.txt': 'not_there==1.0\n' });
    try {
      expect(errorOf(await pool.invoke({ n: 1 }))?.errorMessage).toMatch(
        /^Unable to import module 'app': No module named 'not_there'\. To run this function locally: python3 -m pip install -r \S+\/requirements\.txt$/,
      );
    } finally {
      await pool.close();
    }
  });
});
