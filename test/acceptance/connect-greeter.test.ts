/**
 * $connect hands the connection to a second function with an asynchronous Lambda invoke by its
 * fixed FunctionName (boto3); that function checks it with GetConnection and greets it.
 */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: connect-greeter', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('connect-greeter')).toEqual(['I9201 Resources/Stage', 'I9202 Resources/Stage']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('connect-greeter');
    });
    afterAll(() => app?.close());

    it('greets a new connection from the function its $connect handler invoked', async () => {
      const started = Date.now();
      const client = await Client.connect(app.server.url);
      const greeting = JSON.parse(await client.next());
      expect(greeting).toEqual({ greeting: 'welcome', connectedAt: expect.any(String) });
      // GetConnection's connectedAt, as boto3 parses it, is when this client connected.
      expect(Math.abs(Date.parse(greeting.connectedAt) - started)).toBeLessThan(60_000);
      await client.close();
    });
  });
});
