/**
 * InlineCode, a parameter without a default given as an override, a condition choosing the stage,
 * and a keep-warm Schedule event that does not run locally.
 */
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

    it('says at start that the schedule does not run locally', () => {
      expect(app.server.services).toContain(
        'event source   → GreetFunction.KeepWarm (Schedule) does not run locally',
      );
    });

    it('runs the inline handler with the overridden parameters on the stage the condition picks', async () => {
      expect(app.server.url).toMatch(/\/prod$/);
      const client = await Client.connect(app.server.url);
      expect(await client.request('ada')).toBe('HEJ, ADA!');
      await client.close();
    });
  });
});
