/** StartSyncExecution on an inline Express machine; the response template reshapes its output. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: sfn-sync-quote', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('sfn-sync-quote')).toEqual([
      'I9103 Resources/QuoteIntegration',
      'I9201 Resources/Stage',
      'I9202 Resources/Stage',
      'W9008 Resources/Deployment',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('sfn-sync-quote');
    });
    afterAll(() => app?.close());

    it("answers each message with the machine's output", async () => {
      const client = await Client.connect(app.server.url);
      expect(JSON.parse(await client.request(JSON.stringify({ item: "o'clock", quantity: 3 })))).toEqual({
        item: "o'clock",
        total: 6,
        tier: 'unit',
      });
      expect(JSON.parse(await client.request(JSON.stringify({ item: 'bolts', quantity: 12 })))).toEqual({
        item: 'bolts',
        total: 12,
        tier: 'bulk',
      });
      await client.close();
    });
  });
});
