/**
 * The console against the generated `sfn-sync` and `sqs` apps: an execution drawn from its
 * definition with each state coloured by outcome, and a message that fails its consumer until SQS
 * moves it to the dead-letter queue.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import { packagePath } from '../../../generator/paths';
import { Client, copyApp, sfnSyncAppDir } from '../helpers';
import { describeInBrowser, openBrowser, openConsole, screenshot } from './browser';

/** A machine with a choice and a failure, in place of sfn-sync's single Wait state. */
const ORDER_MACHINE = {
  StartAt: 'Validate',
  States: {
    Validate: { Type: 'Pass', Next: 'Wait' },
    Wait: { Type: 'Wait', Seconds: 3, Next: 'Route' },
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.quantity', NumericGreaterThan: 10, Next: 'Reject' }],
      Default: 'Price',
    },
    Price: { Type: 'Pass', Result: { total: 42 }, ResultPath: '$.price', Next: 'Done' },
    Done: { Type: 'Succeed' },
    Reject: { Type: 'Fail', Error: 'TooMany', Cause: 'at most 10 items an order' },
  },
};

describeInBrowser('local console: executions and queues', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  async function withApp(
    appDir: string,
    view: string,
    body: (server: LocalServer, page: Page) => Promise<void>,
  ) {
    const server = await startLocal({ appDir, port: 0, waitScale: 0, console: { port: 0 } });
    const page = await openConsole(browser, server.consoleUrl as string, view);
    try {
      await body(server, page);
    } finally {
      await page.close();
      await server.close();
    }
  }

  it('draws a sfn-sync execution with its states', async () => {
    await withApp(sfnSyncAppDir(), 'executions', async (server, page) => {
      const client = await Client.connect(server.url);
      expect(JSON.parse(await client.request('{"order": 7}'))).toMatchObject({ status: 'SUCCEEDED' });
      await page.locator('.item', { hasText: 'SUCCEEDED' }).waitFor();
      await page.locator('.node[data-state="Wait"][data-status="succeeded"]').waitFor();
      await page.locator('.node[data-state="Wait"]').click();
      await page.getByTestId('state-detail').getByText('"order": 7').first().waitFor();
      await client.close();
    });
  });

  it('colours each state of a failed execution by what happened', async () => {
    const appDir = copyApp(sfnSyncAppDir());
    writeFileSync(join(appDir, 'statemachine', 'sfn-sync.asl.json'), JSON.stringify(ORDER_MACHINE));
    await withApp(appDir, 'executions', async (server, page) => {
      const client = await Client.connect(server.url);
      expect(JSON.parse(await client.request('{"quantity": 3}'))).toMatchObject({ status: 'SUCCEEDED' });
      expect(JSON.parse(await client.request('{"quantity": 30}'))).toMatchObject({
        status: 'FAILED',
        error: 'TooMany',
      });
      await page.locator('.item', { hasText: 'FAILED' }).waitFor();
      await page.locator('.item', { hasText: 'FAILED' }).click();
      const status = (state: string) =>
        page.locator(`.node[data-state="${state}"]`).getAttribute('data-status');
      await page.locator('.node[data-state="Reject"][data-status="failed"]').waitFor();
      expect(await status('Validate')).toBe('succeeded');
      expect(await status('Route')).toBe('succeeded');
      expect(await status('Price')).toBe('idle');
      await page.locator('.node[data-state="Reject"]').click();
      await page.getByTestId('state-detail').getByText('TooMany: at most 10 items an order').waitFor();
      await screenshot(page, 'execution');
      await client.close();
    });
  });

  it('shows a message failing into the dead-letter queue', async () => {
    const appDir = copyApp(packagePath('patterns', 'sqs'));
    const template = join(appDir, 'template.yml');
    const { readFileSync } = await import('node:fs');
    // Redelivered at once, dead-lettered after one failed receive; a consumer that always fails.
    const text = readFileSync(template, 'utf8')
      .replace('VisibilityTimeout: 60', 'VisibilityTimeout: 0')
      .replace('maxReceiveCount: 3', 'maxReceiveCount: 1');
    writeFileSync(template, text);
    writeFileSync(
      join(appDir, 'functions', 'reply', 'index.js'),
      "exports.handler = async (event) => { console.log(`failing ${event.Records.length}`); throw new Error('cannot answer'); };",
    );
    await withApp(appDir, 'queues', async (server, page) => {
      const client = await Client.connect(server.url);
      client.socket.send('{"task": "resize", "size": 3}');
      const dlq = page.locator('.panel', { has: page.locator('.tag', { hasText: 'dead-letter queue' }) });
      await dlq.locator('tr', { hasText: '"task": "resize"' }).waitFor();
      await page.locator('.badge', { hasText: 'dead-lettered' }).waitFor();
      await screenshot(page, 'dead-letter');
      await client.close();
    });
  });
});
