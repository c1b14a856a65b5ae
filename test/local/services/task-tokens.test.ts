/** Task tokens as the Step Functions API answers them: success, failure, heartbeat, and their errors. */
import { TaskTokens } from '../../../generator/local/stepfunctions/task-tokens';

describe('task tokens', () => {
  it('resolves the waiting task with the output SendTaskSuccess gives, once', async () => {
    const tokens = new TaskTokens();
    const token = tokens.issue();
    const waiting = tokens.wait(token);
    expect(tokens.success(token, '{"done": true}')).toEqual({ ok: true });
    await expect(waiting).resolves.toEqual({ done: true });
    expect(tokens.success(token, '{}')).toMatchObject({ ok: false, error: 'TaskDoesNotExist' });
  });

  it('fails the waiting task with the error and cause SendTaskFailure gives', async () => {
    const tokens = new TaskTokens();
    const token = tokens.issue();
    const waiting = tokens.wait(token);
    tokens.failure(token, 'Rejected', 'not today');
    await expect(waiting).rejects.toMatchObject({ name: 'Rejected', message: 'not today' });
  });

  it('refuses output that is not JSON and keeps the task waiting', async () => {
    const tokens = new TaskTokens();
    const token = tokens.issue();
    const waiting = tokens.wait(token);
    expect(tokens.success(token, 'not json')).toMatchObject({ ok: false, error: 'InvalidOutput' });
    expect(tokens.success(token, '1')).toEqual({ ok: true });
    await expect(waiting).resolves.toBe(1);
  });

  it('fails a task that hears nothing for HeartbeatSeconds with States.HeartbeatTimeout; a heartbeat resets the clock', async () => {
    jest.useFakeTimers();
    try {
      const tokens = new TaskTokens();
      const token = tokens.issue();
      const waiting = tokens.wait(token, 2);
      const settled = waiting.catch((error: Error) => error);
      jest.advanceTimersByTime(1500);
      expect(tokens.heartbeat(token)).toEqual({ ok: true });
      jest.advanceTimersByTime(1500);
      expect(tokens.heartbeat(token)).toEqual({ ok: true });
      jest.advanceTimersByTime(2000);
      expect(await settled).toMatchObject({ name: 'States.HeartbeatTimeout' });
      expect(tokens.heartbeat(token)).toMatchObject({ ok: false, error: 'TaskDoesNotExist' });
    } finally {
      jest.useRealTimers();
    }
  });
});
