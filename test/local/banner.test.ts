/**
 * The start banner is one block: every line about the app and its services comes before the
 * closing "Ctrl-C stops.", and the URLs it prints are URLs, IPv6 hosts in brackets.
 */
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { urlHost } from '../../generator/local/url-host';
import { packagePath } from '../../generator/paths';
import { Client } from './helpers';

describe('wskit local banner', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: packagePath('patterns', 'sqs'), port: 0, host: '::1' });
  });
  afterAll(() => server.close());

  it('ends with Ctrl-C stops, after the services announce themselves', () => {
    expect(server.services.length).toBeGreaterThan(0);
    const lines = banner(server.app, server.url, {
      dynamoEndpoint: server.dynamoEndpoint,
      services: server.services,
    });
    expect(lines.at(-1)).toBe('Ctrl-C stops.');
    for (const service of server.services) expect(lines).toContain(`  ${service}`);
  });

  it('brackets an IPv6 host in the URL, and the URL connects', async () => {
    expect(server.url).toMatch(/^ws:\/\/\[::1\]:\d+\/\w+$/);
    expect(() => new URL(server.url)).not.toThrow();
    const client = await Client.connect(server.url);
    await client.close();
  });

  it('leaves names and IPv4 addresses as they are', () => {
    expect([urlHost('127.0.0.1'), urlHost('localhost'), urlHost('::1'), urlHost('[::1]')]).toEqual([
      '127.0.0.1',
      'localhost',
      '[::1]',
      '[::1]',
    ]);
  });
});
