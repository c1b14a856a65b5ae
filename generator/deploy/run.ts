/**
 * Runs a deploy-client action the way the CLI needs: Ctrl-C aborts the waiting (the stack goes on),
 * and AWS service errors become one-line errors.
 */
import { explainAwsError } from './aws';

export async function withInterrupt<T>(action: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await action(controller.signal);
  } catch (error) {
    throw explainAwsError(error);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}
