/**
 * The SNS pattern's shape: MOCK $connect with a '200' template and a /200/ integration response, a
 * route validated by a model, Publish with a form-encoded Fn::Sub template, a function subscribed with a
 * filter policy and a queue subscribed raw, read by a SAM SQS event.
 */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: sns-orders', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('sns-orders')).toEqual([
      'I9103 Resources/ConfirmFunction',
      'I9103 Resources/PublishIntegration',
      'I9104 Resources/ConfirmFunction',
      'I9201 Resources/Stage',
      'I9202 Resources/Stage',
      'W9008 Resources/Deployment',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    let client: Client;
    beforeAll(async () => {
      app = await runApp('sns-orders');
      client = await Client.connect(app.server.url);
    });
    afterAll(async () => {
      await client?.close();
      await app?.close();
    });

    it('publishes a valid order, answers with the MessageId of the Publish result, and both subscribers act on it', async () => {
      client.socket.send(JSON.stringify({ action: 'placeOrder', item: 'tea', count: 3 }));
      const replies = await Promise.all([client.next(), client.next(), client.next()]);
      const parsed = replies.map((text) => JSON.parse(text));
      // The filtered function subscription and the raw queue subscription (read by a Python batch consumer).
      expect(parsed).toEqual(
        expect.arrayContaining([
          { confirmed: 'tea', count: 3, topic: expect.any(String) },
          { audited: 'tea', via: 'aws:sqs' },
        ]),
      );
      // The integration response reads the MessageId where SNS's query API puts it.
      const ack = parsed.find((reply) => 'orderId' in reply);
      expect(ack).toEqual({ orderId: expect.stringMatching(/^[\w-]{8,}$/) });
    });

    it('refuses an order the model rejects, as API Gateway does', async () => {
      const reply = JSON.parse(await client.request(JSON.stringify({ action: 'placeOrder', item: 'tea' })));
      expect(reply).toMatchObject({ message: 'Invalid request body' });
      expect(reply.connectionId).toEqual(expect.any(String));
    });
  });
});
