/**
 * InlineCode, a parameter without a default given as an override, a condition choosing the stage,
 * and a keep-warm Schedule event, which runs locally too (its Input reaches the handler).
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

    it('lists the keep-warm schedule at start, and fires it with its Input', async () => {
      expect(app.server.services).toContainEqual(
        expect.stringMatching(
          /^schedule +→ GreetFunction\.KeepWarm rate\(5 minutes\), to GreetFunction; fire now: curl -X POST http:\/\/127\.0\.0\.1:\d+\/@schedules\/GreetFunction\.KeepWarm$/,
        ),
      );
      expect(app.server.services.join('\n')).not.toContain('does not run locally');
      await app.server.fireSchedule('GreetFunction.KeepWarm');
      expect(app.log).toContainEqual(
        expect.stringMatching(/schedule GreetFunction\.KeepWarm → GreetFunction ok \d+ms$/),
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
