import { processTerminal, systemClock } from '../../generator/deploy/terminal';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}
const notTty = { isTTY: false } as NodeJS.ReadStream;

describe('the process terminal', () => {
  it('writes plain lines with no control codes and no progress when not a TTY', () => {
    const { stream, writes } = fakeStream(false);
    const terminal = processTerminal(stream, notTty);
    terminal.line('hello');
    expect(terminal.progress).toBeUndefined();
    expect(terminal.confirm).toBeUndefined();
    expect(writes).toEqual(['hello\n']);
  });

  it('keeps the progress line below the lines on a TTY, and clears it', () => {
    const { stream, writes } = fakeStream(true);
    const terminal = processTerminal(stream, notTty);
    terminal.progress?.('working 1');
    terminal.line('event');
    terminal.progress?.(undefined);
    terminal.line('done');
    expect(writes).toEqual(['\r\x1b[2Kworking 1', '\r\x1b[2Kevent\nworking 1', '\r\x1b[2K', 'done\n']);
  });

  it('asks no question when stdin is not a terminal', () => {
    expect(processTerminal(fakeStream(true).stream, notTty).confirm).toBeUndefined();
  });
});

describe('the system clock', () => {
  it('stops sleeping when the signal aborts', async () => {
    const controller = new AbortController();
    const slept = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(slept).resolves.toBeUndefined();
  });
});
