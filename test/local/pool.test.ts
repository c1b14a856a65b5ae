/**
 * The warm pool on its own: one invocation at a time per execution environment however many are
 * handed to it at once, replies matched to their invocations, and a timed-out environment replaced
 * while the invocations queued behind it still run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FunctionPool, type InvokeOutcome } from '../../generator/local/lambda/pool';
import { nodejs } from '../../generator/local/lambda/runtimes/nodejs';
import type { LocalFunction } from '../../generator/local/types';

// Counts the invocations running in this environment at once; `sleepMs` keeps one running a while.
const HANDLER = `
let running = 0;
let most = 0;
exports.handler = async (event, context) => {
  running += 1;
  most = Math.max(most, running);
  if (event.loop) for (;;);
  await new Promise((resolve) => setTimeout(resolve, event.sleepMs ?? 0));
  running -= 1;
  return { n: event.n, most, requestId: context.awsRequestId, stream: context.logStreamName };
};
`;

function poolFor(timeoutSeconds: number, maxEnvironments: number, codeDir = handlerDir()): FunctionPool {
  const fn: LocalFunction = {
    id: 'Counter',
    name: 'app-Counter',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:app-Counter',
    codeDir,
    handler: 'index.handler',
    timeoutSeconds,
    memoryMb: 128,
    environment: {},
  };
  return new FunctionPool(fn, { runtime: nodejs, environment: {}, maxEnvironments, onOutput: () => {} });
}

function handlerDir(source = HANDLER): string {
  const codeDir = mkdtempSync(join(tmpdir(), 'wskit-pool-'));
  writeFileSync(join(codeDir, 'index.js'), source);
  return codeDir;
}

type Reply = { n: number; most: number; requestId: string; stream: string };

function result(outcome: InvokeOutcome): Reply {
  if (!outcome.ok) throw new Error(`${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  return outcome.result as Reply;
}

describe('wskit local: function pool', () => {
  it('runs one invocation at a time per environment and matches each reply to its invocation', async () => {
    const pool = poolFor(10, 2);
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 24 }, (_, n) => pool.invoke({ n, sleepMs: n % 3 === 0 ? 5 : 0 })),
      );
      const replies = outcomes.map(result);
      expect(replies.map((reply) => reply.n)).toEqual(Array.from({ length: 24 }, (_, n) => n));
      expect(replies.every((reply) => reply.most === 1)).toBe(true);
      expect(new Set(replies.map((reply) => reply.stream)).size).toBe(2);
      outcomes.forEach((outcome, n) => {
        expect(outcome.requestId).toBe(replies[n]?.requestId);
      });
      expect(new Set(outcomes.map((outcome) => outcome.requestId)).size).toBe(24);
    } finally {
      await pool.close();
    }
  });

  it('ends an environment whose invocation times out; the ones queued behind it run elsewhere', async () => {
    const pool = poolFor(1, 1);
    try {
      const stuck = pool.invoke({ n: 0, loop: true });
      const queued = [1, 2, 3].map((n) => pool.invoke({ n }));
      const timedOut = await stuck;
      expect(timedOut.ok).toBe(false);
      expect(!timedOut.ok && timedOut.error.errorType).toBe('Sandbox.Timedout');
      expect((await Promise.all(queued)).map((outcome) => result(outcome).n)).toEqual([1, 2, 3]);
    } finally {
      await pool.close();
    }
  });

  it('reloads: a running invocation finishes on the old code, the next ones load the new code', async () => {
    const codeDir = handlerDir(HANDLER.replace('return {', 'return { version: 1,'));
    const pool = poolFor(10, 2, codeDir);
    try {
      // Two warm environments on the old code; one of them is busy when the code changes.
      await Promise.all([-2, -1].map((n) => pool.invoke({ n, sleepMs: 50 })));
      const running = pool.invoke({ n: 0, sleepMs: 300 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      writeFileSync(join(codeDir, 'index.js'), HANDLER.replace('return {', 'return { version: 2,'));
      pool.reload();
      const after = await Promise.all([1, 2, 3].map((n) => pool.invoke({ n })));
      expect(result(await running)).toMatchObject({ n: 0, version: 1 });
      expect(after.map((outcome) => result(outcome))).toEqual(
        [1, 2, 3].map((n) => expect.objectContaining({ n, version: 2 })),
      );
    } finally {
      await pool.close();
    }
  });
});
