/** A `$connect` route with only a REQUEST authorizer and no integration (optional on AWS), beside a Lambda route. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: gated-ticker', () => {
  it('lints with only what is true of it: an unscoped permission, a hard-coded partition', () => {
    expect(lintApp('gated-ticker')).toEqual([
      'I9103 Resources/PriceIntegration',
      'I9103 Resources/TicketAuthorizer',
      'I9201 Resources/Stage',
      'I9202 Resources/Stage',
      'W9005 Resources/PricePermission',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('gated-ticker');
    });
    afterAll(() => app?.close());

    it('connects once the authorizer allows, with no $connect integration, and answers the price route', async () => {
      const client = await Client.connect(app.server.url, { headers: { 'x-ticket': 'T-42' } });
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'price', symbol: 'ACME' })))).toEqual({
        symbol: 'ACME',
        price: 12.5,
      });
      await client.close();
    });

    it('refuses a ticket the authorizer denies', async () => {
      await expect(
        Client.connect(app.server.url, { headers: { 'x-ticket': 'forged' } }),
      ).rejects.toMatchObject({
        status: 403,
      });
    });
  });
});
