/** StartExecution acknowledged at once; the machine (DefinitionUri + substitutions) answers with apigateway:invoke. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: sfn-async-notify', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('sfn-async-notify')).toEqual([
      'I9201 Resources/Stage',
      'I9202 Resources/Stage',
      'W9008 Resources/Deployment',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('sfn-async-notify');
    });
    afterAll(() => app?.close());

    it('acknowledges the start, then the machine answers on the same socket', async () => {
      const client = await Client.connect(app.server.url);
      const ack = JSON.parse(await client.request(JSON.stringify({ action: 'start', job: 'resize-42' })));
      expect(ack).toEqual({ accepted: true, execution: expect.stringMatching(/:execution:/) });
      expect(JSON.parse(await client.next())).toEqual({ finished: 'resize-42', by: 'step-functions' });
      await client.close();
    });
  });
});
