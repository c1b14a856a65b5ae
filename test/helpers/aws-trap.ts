/**
 * A loopback stand-in for AWS that records every request, and `wskit local` run as a developer with
 * a configured AWS environment runs it: every SDK pointed at the trap (AWS_ENDPOINT_URL) with
 * credentials of its own, and no ~/.aws. A test that expects nothing to reach AWS expects `seen` empty.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalCli, startLocalCli } from './cli';

export interface AwsTrap {
  readonly server: Server;
  readonly seen: IncomingMessage[];
  readonly endpoint: string;
}

/** Records every request; answers S3's ListBuckets so a handler's call to it succeeds. */
export async function startTrap(): Promise<AwsTrap> {
  const seen: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    seen.push(request);
    request.resume();
    response
      .writeHead(200, { 'content-type': 'application/xml' })
      .end('<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** `wskit local <args>` with the developer's AWS environment pointing at `trap`. */
export function startTrappedCli(
  args: readonly string[],
  trap: string,
  options: { cwd?: string } = {},
): LocalCli {
  return startLocalCli(args, {
    ...options,
    env: {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'wskit-home-')), // no ~/.aws
      AWS_ENDPOINT_URL: trap,
      AWS_ACCESS_KEY_ID: 'AKIADEVELOPERTRAP000',
      AWS_SECRET_ACCESS_KEY: 'developer-secret',
      AWS_REGION: 'us-east-1',
    },
  });
}

/** Stops a `wskit local` process as Ctrl-C does, and waits for it to exit. */
export async function stopCli(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
