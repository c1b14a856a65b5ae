/** Service tasks in a Standard machine: dynamodb:putItem, a Lambda by !GetAtt (Python InlineCode), apigateway:invoke. */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: sfn-service-tasks', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('sfn-service-tasks')).toEqual([
      'I9103 Resources/OrderMachine',
      'I9103 Resources/OrderMachine',
      'I9104 Resources/OrderMachine',
      'I9201 Resources/ShopStage',
      'I9202 Resources/ShopStage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('sfn-service-tasks');
    });
    afterAll(() => app?.close());

    it('stores the order, prices it in Python and answers on the socket', async () => {
      const client = await Client.connect(app.server.url);
      client.socket.send(JSON.stringify({ action: 'order', item: 'pear', quantity: 4 }));
      const answer = JSON.parse(await client.next());
      expect(answer).toEqual({ orderId: expect.any(String), item: 'pear', total: 20 });
      const stored = await app.dynamodb().send(
        new GetItemCommand({
          TableName: app.tableName('OrdersTable'),
          Key: { orderId: { S: answer.orderId } },
        }),
      );
      expect(stored.Item).toMatchObject({ item: { S: 'pear' } });
      await client.close();
    });
  });
});
