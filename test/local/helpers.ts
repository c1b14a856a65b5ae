/** Shared by the local emulator's tests: the example apps, a started server, and a small ws client. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import WebSocket from 'ws';
import { packagePath } from '../../generator/paths';
import type { Template } from '../../generator/template/types';
import { toYaml } from '../../generator/template/yaml';

/** Sources of the `lambda` pattern's functions, by the folder their CodeUri names. */
const LAMBDA_SOURCES: Record<string, string> = {
  'on-connect': 'connect.ts',
  'on-disconnect': 'disconnect.ts',
  'send-message': 'send-message.ts',
  default: 'default.ts',
};

/**
 * The `lambda` example app. Uses its committed bundles when they exist; otherwise bundles
 * functions/*.ts the way `wskit generate` does (CommonJS, @aws-sdk/* external) into a copy.
 */
export async function lambdaAppDir(): Promise<string> {
  const pattern = packagePath('patterns', 'lambda');
  if (Object.keys(LAMBDA_SOURCES).every((dir) => existsSync(join(pattern, 'functions', dir, 'index.js')))) {
    return pattern;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wskit-local-lambda-'));
  cpSync(join(pattern, 'template.yml'), join(dir, 'template.yml'));
  await build({
    entryPoints: Object.entries(LAMBDA_SOURCES).map(([out, source]) => ({
      in: packagePath('functions', source),
      out: `functions/${out}/index`,
    })),
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  return dir;
}

export const sfnSyncAppDir = () => packagePath('patterns', 'sfn-sync');

/** Writes a template and extra files (definitions, handlers) into a new folder; returns the folder. */
export function writeApp(template: Template, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wskit-local-app-'));
  writeFileSync(join(dir, 'template.yml'), toYaml(template));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Polls `check` until it holds, for at most `timeoutMs`; returns whether it held. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

/** A ws client that queues what it receives, so a test can await the next message. */
export class Client {
  readonly received: string[] = [];
  private waiters: ((message: string) => void)[] = [];
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      const waiter = this.waiters.shift();
      if (waiter) waiter(text);
      else this.received.push(text);
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  static connect(url: string, options?: WebSocket.ClientOptions): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, options);
      socket.once('open', () => resolve(new Client(socket)));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) =>
        reject(
          Object.assign(new Error(`handshake answered ${response.statusCode}`), {
            status: response.statusCode,
          }),
        ),
      );
    });
  }

  next(timeoutMs = 10_000): Promise<string> {
    const queued = this.received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message arrived')), timeoutMs);
      this.waiters.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
  }

  async request(message: string): Promise<string> {
    this.socket.send(message);
    return this.next();
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close();
    return this.closed;
  }
}
