/**
 * An execution's history as the Step Functions console shows it (state entered, exited, failed,
 * retried, caught, with input and output), taken from the interpreter's event log and told to the
 * emulator's event bus. Payloads only go out when a detailed listener (the console) is on.
 */
import type { EventBus } from '../events/bus';

interface InterpreterEvent {
  readonly type: string;
  readonly state?: { readonly name: string; readonly input?: unknown; readonly output?: unknown };
  readonly Error?: string;
  readonly Cause?: unknown;
}

const STEPS: Readonly<Record<string, 'entered' | 'exited' | 'failed' | 'retried' | 'caught'>> = {
  StateEntered: 'entered',
  StateExited: 'exited',
  StateFailed: 'failed',
  StateRetried: 'retried',
  StateCaught: 'caught',
};

export function emitStateEvent(events: EventBus, executionId: string, raw: unknown): void {
  const event = raw as InterpreterEvent;
  const step = STEPS[event.type];
  if (!step || !event.state || !events.active) return;
  const detailed = events.detailed;
  events.emit({
    type: 'execution.state',
    at: Date.now(),
    executionId,
    state: event.state.name,
    step,
    ...(detailed && step === 'entered' ? { input: event.state.input } : {}),
    ...(detailed && step === 'exited' ? { output: event.state.output } : {}),
    ...(event.Error !== undefined ? { error: event.Error, cause: causeText(event.Cause) } : {}),
  });
}

function causeText(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return typeof cause === 'string' ? cause : JSON.stringify(cause ?? '');
}
