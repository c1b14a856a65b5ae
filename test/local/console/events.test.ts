/**
 * The event stream's parts on their own: the bus (free when nobody listens), the ring (bounded),
 * the live channel (drops detail under load and says so), the views folded from events, and the
 * masking of secrets.
 */
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskEnvironment } from '../../../generator/local/console/describe';
import { guardDetail } from '../../../generator/local/console/load-guard';
import { applyEvent, emptyState } from '../../../generator/local/console/state';
import { LiveChannel } from '../../../generator/local/console/stream';
import { EventBus } from '../../../generator/local/events/bus';
import { EventRing } from '../../../generator/local/events/ring';
import type { LocalEvent } from '../../../generator/local/events/types';
import { noEchoValues } from '../../../generator/local/template/secrets';
import { eventually } from '../helpers';

const frame = (at: number, body = 'hi'): LocalEvent => ({
  type: 'frame.in',
  at,
  connectionId: 'c1',
  size: body.length,
  body,
});

describe('EventBus', () => {
  it('is inactive until someone listens, and detailed only for a detailed listener', () => {
    const bus = new EventBus();
    expect([bus.active, bus.detailed]).toEqual([false, false]);
    const stopLog = bus.on(() => {});
    expect([bus.active, bus.detailed]).toEqual([true, false]);
    const stopConsole = bus.on(() => {}, { detailed: true });
    expect([bus.active, bus.detailed]).toEqual([true, true]);
    stopConsole();
    expect([bus.active, bus.detailed]).toEqual([true, false]);
    stopLog();
    expect(bus.active).toBe(false);
  });

  it('keeps telling the other listeners when one throws', () => {
    const bus = new EventBus();
    const seen: LocalEvent[] = [];
    bus.on(() => {
      throw new Error('broken listener');
    });
    bus.on((event) => seen.push(event));
    expect(() => bus.emit(frame(1))).not.toThrow();
    expect(seen).toHaveLength(1);
  });
});

describe('guardDetail', () => {
  it('keeps a share of a burst, pauses payloads while events come faster than the budget, and resumes', async () => {
    const bus = new EventBus();
    bus.on(() => {}, { detailed: true });
    const told: boolean[] = [];
    const guard = guardDetail(bus, 40, (paused) => told.push(paused));
    // 40 a second is 10 a quarter-second window: the ring keeps those, not the other 90.
    const kept = Array.from({ length: 100 }, () => guard.count()).filter(Boolean);
    expect(kept).toHaveLength(10);
    expect(await eventually(async () => !bus.detailed)).toBe(true);
    expect(await eventually(async () => bus.detailed)).toBe(true);
    expect(told).toEqual([true, false]);
    guard.stop();
  });
});

describe('EventRing', () => {
  it('keeps the last events with their sequence numbers', () => {
    const ring = new EventRing(3);
    for (let at = 0; at < 5; at++) ring.push(frame(at));
    expect(ring.since().map(({ seq, event }) => [seq, event.at])).toEqual([
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(ring.since(4).map(({ seq }) => seq)).toEqual([4]);
    expect(ring.nextSeq).toBe(5);
  });

  it('refuses a size that is not a positive whole number', () => {
    expect(() => new EventRing(0)).toThrow('console historySize 0: expected a whole number of 1 or more');
    expect(() => new EventRing(1.5)).toThrow(expect.objectContaining({ code: 'E_LOCAL_CONSOLE' }));
  });
});

describe('LiveChannel', () => {
  let server: Server;
  afterEach(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });

  it('sends a client at most its share of a burst and counts the rest as dropped', async () => {
    const live = new LiveChannel({ perSecond: 40, maxString: 5 });
    server = createServer((_request, response) => live.open(response, 0));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    let text = '';
    const request = get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
    });
    await eventually(async () => live.size === 1);
    for (let i = 0; i < 1000; i++) live.push(i, frame(i, 'a frame longer than five'));
    await eventually(async () => text.includes('event: dropped'));
    const messages = text.split('\n\n');
    const batch = JSON.parse(messages.find((m) => m.startsWith('event: events'))?.slice(20) ?? '[]');
    const dropped = JSON.parse(messages.find((m) => m.startsWith('event: dropped'))?.slice(21) ?? '{}');
    expect(batch).toHaveLength(10); // 40 a second, flushed four times a second
    expect(batch[0]).toMatchObject({ seq: 0, type: 'frame.in', body: 'a fra… (19 more characters)' });
    expect(dropped).toEqual({ count: 990 });
    request.destroy();
    live.close();
  });
});

describe('applyEvent', () => {
  it('follows a connection from open to close, counting frames', () => {
    const state = emptyState();
    applyEvent(state, {
      type: 'connection.open',
      at: 1,
      connectionId: 'c1',
      sourceIp: '127.0.0.1',
      userAgent: '',
      handshake: { query: { token: 't' }, headers: {} },
      status: 200,
      latencyMs: 1,
    });
    applyEvent(state, frame(2));
    applyEvent(state, { type: 'frame.out', at: 3, connectionId: 'c1', size: 2, source: 'route' });
    applyEvent(state, {
      type: 'connection.close',
      at: 4,
      connectionId: 'c1',
      code: 1001,
      reason: 'Going away',
      latencyMs: 0,
    });
    expect(state.connections.c1).toMatchObject({
      framesIn: 1,
      framesOut: 1,
      lastActiveAt: 3,
      query: { token: 't' },
      closed: { code: 1001, reason: 'Going away' },
    });
  });

  it('ties log lines printed before a run ends to that run', () => {
    const state = emptyState();
    applyEvent(state, { type: 'function.log', at: 5, functionId: 'Fn', requestId: 'r1', line: 'working' });
    applyEvent(state, {
      type: 'function.run',
      at: 9,
      functionId: 'Fn',
      requestId: 'r1',
      durationMs: 6,
      ok: true,
      result: 1,
    });
    expect(state.runs.r1).toMatchObject({
      done: true,
      ok: true,
      durationMs: 6,
      result: 1,
      logs: [{ line: 'working' }],
    });
  });

  it('colours states by outcome and records the execution end', () => {
    const state = emptyState();
    const executionId = 'e1';
    applyEvent(state, {
      type: 'execution.start',
      at: 1,
      executionId,
      machineArn: 'arn',
      machineName: 'M',
      input: {},
    });
    applyEvent(state, {
      type: 'execution.state',
      at: 2,
      executionId,
      state: 'A',
      step: 'entered',
      input: { a: 1 },
    });
    applyEvent(state, {
      type: 'execution.state',
      at: 3,
      executionId,
      state: 'A',
      step: 'exited',
      output: { a: 2 },
    });
    applyEvent(state, { type: 'execution.state', at: 4, executionId, state: 'B', step: 'entered' });
    applyEvent(state, { type: 'execution.state', at: 5, executionId, state: 'B', step: 'retried' });
    applyEvent(state, {
      type: 'execution.state',
      at: 6,
      executionId,
      state: 'B',
      step: 'failed',
      error: 'E',
      cause: 'c',
    });
    applyEvent(state, {
      type: 'execution.end',
      at: 7,
      executionId,
      status: 'FAILED',
      error: 'E',
      cause: 'c',
      durationMs: 6,
    });
    const execution = state.executions.e1;
    expect(execution?.states.A).toEqual({
      status: 'succeeded',
      input: { a: 1 },
      output: { a: 2 },
      retries: 0,
    });
    expect(execution?.states.B).toEqual({ status: 'failed', retries: 1, error: 'E', cause: 'c' });
    expect(execution).toMatchObject({ status: 'FAILED', error: 'E', durationMs: 6 });
  });

  it('moves a message out of its queue when it is dead-lettered and forgets deleted ones', () => {
    const state = emptyState();
    const message = (
      queue: string,
      action: 'sent' | 'received' | 'deleted' | 'dead-lettered',
      receiveCount: number,
    ) =>
      applyEvent(state, {
        type: 'queue.message',
        at: 1,
        queue,
        messageId: 'm1',
        action,
        receiveCount,
        body: 'b',
      });
    message('jobs', 'sent', 0);
    message('jobs', 'received', 1);
    message('jobs', 'dead-lettered', 1);
    message('jobs-dlq', 'sent', 0);
    expect(state.queues.jobs?.m1).toMatchObject({ status: 'dead-lettered', receiveCount: 1 });
    expect(state.queues['jobs-dlq']?.m1).toMatchObject({ status: 'waiting', body: 'b' });
    message('jobs-dlq', 'deleted', 0);
    expect(state.queues['jobs-dlq']).toEqual({});
  });
});

describe('masking', () => {
  it('hides NoEcho parameter values and secret-looking variable names', () => {
    const secrets = noEchoValues(
      {
        Parameters: {
          Token: { Type: 'String', NoEcho: true, Default: 'abc' },
          Key: { Type: 'String', NoEcho: true },
          Open: { Type: 'String', Default: 'visible' },
        },
        Resources: {},
      },
      { Key: 'override-1' },
    );
    expect([...secrets].sort()).toEqual(['abc', 'override-1']);
    expect(
      maskEnvironment(
        { A: 'abc', B: 'override-1', C: 'visible', API_KEY: 'x', DB_PASSWORD: 'y', TABLE: 't' },
        secrets,
      ),
    ).toEqual({ A: '****', B: '****', C: 'visible', API_KEY: '****', DB_PASSWORD: '****', TABLE: 't' });
  });
});
