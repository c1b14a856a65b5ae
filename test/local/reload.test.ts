/**
 * `wskit local --watch` and the template: a changed state machine definition, integration response
 * or function environment applies to the next message while connections stay open; a template that
 * does not load is reported and the running app keeps working.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocal } from '../../generator/local/start-local';
import { packagePath } from '../../generator/paths';
import { Client, copyApp, eventually } from './helpers';

/** Rewrites a file of the app with `change` applied to its text; fails the test if nothing changed. */
function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

describe('wskit local --watch: the template', () => {
  it('applies a new definition and a new integration response on an open connection; a broken template changes nothing', async () => {
    const dir = copyApp(packagePath('patterns', 'sfn-sync'));
    const logs: string[] = [];
    const server = await startLocal({
      appDir: dir,
      port: 0,
      waitScale: 0,
      watch: true,
      log: (l) => logs.push(l),
    });
    const client = await Client.connect(server.url);
    try {
      const message = '{"first_name": "Jane"}';
      expect(JSON.parse(await client.request(message)).output).toBe('{"first_name":"Jane"}');

      writeFileSync(
        join(dir, 'statemachine', 'sfn-sync.asl.json'),
        JSON.stringify({
          StartAt: 'Reply',
          States: { Reply: { Type: 'Pass', Result: { changed: true }, End: true } },
        }),
      );
      const changed = await client.requestUntil(message, (reply) => reply.includes('changed'));
      expect(JSON.parse(changed)).toMatchObject({ status: 'SUCCEEDED', output: '{"changed":true}' });
      expect(logs).toContainEqual(expect.stringMatching(/template reloaded: routes \$default$/));

      // The integration response gets a template: the client now receives the output alone.
      edit(join(dir, 'template.yml'), (text) =>
        text.replace(
          '      IntegrationId: !Ref DefaultIntegration\n      IntegrationResponseKey: $default\n',
          "      IntegrationId: !Ref DefaultIntegration\n      IntegrationResponseKey: $default\n      TemplateSelectionExpression: \\$default\n      ResponseTemplates:\n        $default: $input.path('$.output')\n",
        ),
      );
      expect(await client.requestUntil(message, (reply) => reply === '{"changed":true}')).toBe(
        '{"changed":true}',
      );

      edit(join(dir, 'template.yml'), (text) => `${text}\n  Broken: [unclosed\n`);
      expect(
        await eventually(async () => logs.some((l) => l.includes('template change not applied: '))),
      ).toBe(true);
      expect(await client.request(message)).toBe('{"changed":true}');
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('starts fresh environments for functions whose definition changed', async () => {
    const dir = copyApp(join(__dirname, 'fixtures', 'errors-app'));
    const logs: string[] = [];
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log: (l) => logs.push(l) });
    const client = await Client.connect(server.url);
    try {
      const message = '{"type": "echo"}';
      expect(JSON.parse(await client.request(message)).greeting).toBe('hello');
      edit(join(dir, 'template.yml'), (text) => text.replace('GREETING: hello', 'GREETING: hi'));
      const reply = JSON.parse(await client.requestUntil(message, (r) => JSON.parse(r).greeting === 'hi'));
      expect(reply).toMatchObject({ greeting: 'hi', invocations: 1 });
      expect(logs).toContainEqual(
        expect.stringMatching(/template reloaded: .*; fresh environments for .*EchoFunction/),
      );
    } finally {
      await client.close();
      await server.close();
    }
  });

  it('sees a change saved while a reload is being applied', async () => {
    const dir = copyApp(join(__dirname, 'fixtures', 'errors-app'));
    const template = join(dir, 'template.yml');
    const logs: string[] = [];
    // Saved again the moment the first reload is applied, before its watchers are set up anew.
    const log = (line: string) => {
      logs.push(line);
      if (
        line.includes('template reloaded') &&
        logs.filter((l) => l.includes('template reloaded')).length === 1
      ) {
        writeFileSync(template, `${readFileSync(template, 'utf8')}\n  Broken: [unclosed\n`);
      }
    };
    const server = await startLocal({ appDir: dir, port: 0, watch: true, log });
    try {
      edit(template, (text) => text.replace('GREETING: hello', 'GREETING: hi'));
      // Generous bounds: two reloads, one of them starting fresh function environments, on a busy machine.
      expect(await eventually(async () => logs.some((l) => l.includes('template reloaded')), 20_000)).toBe(
        true,
      );
      expect(
        await eventually(async () => logs.some((l) => l.includes('template change not applied: ')), 20_000),
      ).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});
