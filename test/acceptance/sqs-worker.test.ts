/** A $default route straight into an SQS FIFO queue (path-style URI, form body); a Lambda worker answers. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: sqs-worker', () => {
  it('lints with only what is true of it: a runtime Lambda no longer creates, a hard-coded partition', () => {
    expect(lintApp('sqs-worker')).toEqual([
      'E2533 Globals/Function',
      'I9103 Resources/QueueIntegration',
      'I9201 Resources/JobsSocketStage',
      'I9202 Resources/JobsSocketStage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('sqs-worker');
    });
    afterAll(() => app?.close());

    it('queues the message and the worker answers the connection that sent it', async () => {
      const client = await Client.connect(app.server.url);
      client.socket.send(JSON.stringify({ group: 'reports', task: 'monthly' }));
      expect(JSON.parse(await client.next())).toEqual({
        done: 'monthly',
        group: 'reports',
        source: 'aws:sqs',
      });
      await client.close();
    });
  });
});
