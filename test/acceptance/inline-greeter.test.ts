/** InlineCode, a parameter without a default given as an override, a condition choosing the stage. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: inline-greeter', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('inline-greeter')).toEqual([
      'I9201 Resources/GreeterStage',
      'I9202 Resources/GreeterStage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('inline-greeter', { parameterOverrides: { Greeting: 'Hej', Environment: 'prod' } });
    });
    afterAll(() => app?.close());

    it('runs the inline handler with the overridden parameters on the stage the condition picks', async () => {
      expect(app.server.url).toMatch(/\/prod$/);
      const client = await Client.connect(app.server.url);
      expect(await client.request('ada')).toBe('HEJ, ADA!');
      await client.close();
    });
  });
});
