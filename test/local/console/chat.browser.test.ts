/**
 * The console against the generated `lambda` app (patterns/lambda): connections appear and go, a
 * connections table row appears on $connect and goes on $disconnect, and the page disconnects a
 * client and posts to one as `@connections` would.
 */
import type { Browser, Page } from 'playwright-core';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import { Client, lambdaAppDir } from '../helpers';
import { describeInBrowser, openBrowser, openConsole, screenshot, show } from './browser';

describeInBrowser('local console: the lambda app', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startLocal({ appDir: await lambdaAppDir(), port: 0, console: { port: 0 } });
    browser = await openBrowser();
    page = await openConsole(browser, server.consoleUrl as string, 'connections');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openIds = async () => {
    const answer = await fetch(`${server.consoleUrl}api/connections`);
    const connections = (await answer.json()) as { id: string; closed?: unknown }[];
    return connections.filter((connection) => !connection.closed).map((connection) => connection.id);
  };

  it('shows a connection when a ws client connects, with its handshake', async () => {
    const other = await Client.connect(`${server.url}?room=green`);
    const before = await openIds();
    const client = await Client.connect(`${server.url}?room=blue`);
    const [id] = (await openIds()).filter((open) => !before.includes(open));
    await page.locator(`[data-connection="${id}"]`).waitFor();
    await page.locator(`[data-connection="${id}"]`).click();
    const detail = page.locator('[data-testid="connection-detail"]');
    await detail.getByText('1 query parameters').waitFor();
    expect(await detail.locator('h3').innerText()).toContain(id);
    client.socket.send('{"action":"sendmessage","data":"hello, room"}');
    expect(await client.next()).toBe('hello, room');
    expect(await other.next()).toBe('hello, room');
    await detail.locator('.row.route', { hasText: 'sendmessage → lambda' }).waitFor();
    await detail.locator('.row.fn', { hasText: 'SendMessageFunction' }).waitFor();
    await detail.locator('.row.in', { hasText: 'hello, room' }).click();
    await detail.getByTestId('event-detail').getByText('"data": "hello, room"').waitFor();
    await screenshot(page, 'connection');

    // The whole API's timeline, filtered to one connection's routes, then to errors (there are none).
    await show(page, 'Timeline');
    await page.getByLabel('connection').selectOption(id as string);
    await page.getByLabel('route').selectOption('sendmessage');
    const rows = page.locator('.rows .row');
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('sendmessage → lambda')]);
    await page.getByLabel('status').selectOption('errors');
    await page.getByText('No event matches these filters.').waitFor();
    await client.close();
    await other.close();
  });

  it('shows the connections table gaining a row on $connect and losing it on $disconnect', async () => {
    await show(page, 'Tables');
    const client = await Client.connect(server.url);
    const [id] = await openIds();
    const table = page.locator('[data-table]');
    await table.locator('td', { hasText: id as string }).waitFor();
    await screenshot(page, 'table-row');
    await client.close();
    await table.locator('td', { hasText: id as string }).waitFor({ state: 'detached' });
  });

  it('posts to a connection and disconnects it from the page', async () => {
    const client = await Client.connect(server.url);
    const [id] = await openIds();
    await show(page, 'Connections');
    await page.locator(`[data-connection="${id}"]`).click();
    const detail = page.locator('[data-testid="connection-detail"]');
    await detail.locator('textarea').fill('{"from":"the console"}');
    await detail.getByRole('button', { name: 'Post to connection' }).click();
    expect(await client.next()).toBe('{"from":"the console"}');
    await detail.locator('.row.out', { hasText: '@connections' }).waitFor();
    await detail.getByRole('button', { name: 'Disconnect' }).click();
    expect(await client.closed).toEqual({ code: 1000, reason: 'Goodbye' });
    await detail.getByText('closed 1000').first().waitFor();
  });
});
