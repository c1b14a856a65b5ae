/** What the runtimes share: what an environment is told when it starts, and its log lines. */
import type { LocalFunction } from '../../types';
import type { SpawnOptions } from './types';

/** What every execution environment knows from the start, whatever its language. */
export function startupConfig(fn: LocalFunction, options: SpawnOptions) {
  return {
    codeDir: fn.codeDir,
    handler: fn.handler,
    timeoutMs: options.timeoutMs,
    functionName: fn.name,
    invokedFunctionArn: fn.arn,
    memoryLimitInMB: fn.memoryMb,
  };
}

/** A handler's stdout and stderr, as the lines CloudWatch Logs would show. */
export function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}
