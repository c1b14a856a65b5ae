/**
 * Runs a deploy-client action the way the CLI needs: Ctrl-C aborts the waiting (the stack goes on),
 * and AWS service errors become one-line errors.
 */
import { explainAwsError } from './aws';

export async function withInterrupt<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // The first Ctrl-C stops the waiting at the next safe point; a second one leaves at once.
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await action(controller.signal);
  } catch (error) {
    throw explainAwsError(error);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
