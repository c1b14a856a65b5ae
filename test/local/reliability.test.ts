/**
 * Reliability, bounded: 10,000 random frames per example app (bad JSON, unicode, binary, oversized)
 * with every frame answered as API Gateway would and memory flat; 1,000 connections held at once.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client, eventually, lambdaAppDir, sfnSyncAppDir } from './helpers';

setFlagsFromString('--expose-gc');
const gc: () => void = runInNewContext('gc');
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type Frame = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'huge' };

const ALPHABET = [
  'a',
  'Z',
  '0',
  ' ',
  '"',
  "'",
  '\\',
  '/',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '\n',
  '\t',
  'é',
  '✓',
  '😀',
  '\u2028',
  '\u0000',
];

function frameMaker(next: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const text = (max: number) =>
    Array.from({ length: Math.floor(next() * max) }, () => pick(ALPHABET)).join('');
  const value = (depth: number): unknown => {
    const roll = next();
    if (depth > 3 || roll < 0.3) return pick([text(12), Math.floor(next() * 1e6), next() < 0.5, null]);
    if (roll < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(
      Array.from({ length: Math.floor(next() * 4) }, () => [text(6), value(depth + 1)]),
    );
  };
  return (): Frame => {
    const roll = next();
    if (roll < 0.005) return { kind: 'binary' };
    if (roll < 0.01) return { kind: 'huge' };
    if (roll < 0.35) return { kind: 'text', text: text(40) }; // mostly not JSON
    if (roll < 0.4)
      return {
        kind: 'text',
        text: JSON.stringify({ action: pick(['test', 'nope', '', '$connect']), data: text(8) }),
      };
    return { kind: 'text', text: JSON.stringify(value(0)) };
  };
}

/** Sends `count` frames over `clients` connections, checking each answer; returns the heap growth in MB. */
async function fuzz(
  server: LocalServer,
  count: number,
  clients: number,
  check: (sent: string, reply: string) => void,
) {
  const makeFrame = frameMaker(random(0x5eed));
  let remaining = count;
  let warmHeap = 0;
  let failure: unknown;
  const worker = async () => {
    let client = await Client.connect(server.url);
    while (remaining > 0 && failure === undefined) {
      remaining -= 1;
      if (remaining === Math.floor(count * 0.8)) warmHeap = heapMb();
      const frame = makeFrame();
      if (frame.kind === 'text') {
        check(frame.text, await client.request(frame.text));
        continue;
      }
      client.socket.send(frame.kind === 'binary' ? Buffer.from([0, 1, 2]) : 'x'.repeat(130 * 1024), {
        binary: frame.kind === 'binary',
      });
      expect((await client.closed).code).toBe(frame.kind === 'binary' ? 1003 : 1009);
      client = await Client.connect(server.url);
    }
    await client.close();
  };
  // The first failure stops every client, so a failing run ends at once.
  const run = () =>
    worker().catch((error: unknown) => {
      failure ??= error;
    });
  await Promise.all(Array.from({ length: clients }, run));
  if (failure !== undefined) throw failure;
  return heapMb() - warmHeap;
}

// Bounds for a busy 2-core machine, not speed goals (those are in bench/local.ts).
jest.setTimeout(90_000);

describe('wskit local: reliability', () => {
  it('answers 10,000 random frames on the lambda app as $default would, with memory flat', async () => {
    const server = await startLocal({ appDir: await lambdaAppDir(), port: 0 });
    try {
      const growth = await fuzz(server, 10_000, 16, (sent, reply) => {
        const parsed = JSON.parse(reply);
        expect(parsed).toMatchObject({ message: 'success', routeKey: '$default' });
        let expected: unknown = sent;
        try {
          expected = JSON.parse(sent);
        } catch {}
        expect(parsed.received).toEqual(expected);
      });
      expect(growth).toBeLessThan(20);
      expect(await eventually(async () => server.connectionCount() === 0)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers 10,000 random frames on the sfn-sync app as StartSyncExecution would, with memory flat', async () => {
    const server = await startLocal({ appDir: sfnSyncAppDir(), port: 0, waitScale: 0 });
    try {
      const growth = await fuzz(server, 10_000, 16, (sent, reply) => {
        const parsed = JSON.parse(reply);
        let input: unknown;
        try {
          input = JSON.parse(sent);
        } catch {
          expect(parsed.__type).toMatch(/InvalidExecutionInput$/);
          return;
        }
        expect(parsed.status).toBe('SUCCEEDED');
        expect(JSON.parse(parsed.output)).toEqual(input);
      });
      expect(growth).toBeLessThan(20);
    } finally {
      await server.close();
    }
  });

  it('holds and serves 1,000 concurrent connections', async () => {
    const server = await startLocal({ appDir: await lambdaAppDir(), port: 0 });
    const clients: Client[] = [];
    try {
      for (let batch = 0; batch < 10; batch++) {
        clients.push(...(await Promise.all(Array.from({ length: 100 }, () => Client.connect(server.url)))));
      }
      expect(server.connectionCount()).toBe(1000);
      const replies = await Promise.all(
        clients.map((client, index) => client.request(JSON.stringify({ n: index }))),
      );
      replies.forEach((reply, index) => {
        expect(JSON.parse(reply).received).toEqual({ n: index });
      });
      await Promise.all(clients.map((client) => client.close()));
      expect(await eventually(async () => server.connectionCount() === 0)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
