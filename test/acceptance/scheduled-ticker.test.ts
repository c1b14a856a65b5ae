/**
 * A scheduled broadcast: a function no route calls posts a tick to every open connection through
 * @connections, each minute from a SAM `Schedule` event (EventBridge's scheduled event) and each
 * hour from a `ScheduleV2` event (EventBridge Scheduler's Input). Real ws clients receive the tick
 * when the schedule is fired over HTTP, as `curl -X POST .../@schedules/<id>` fires it.
 */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: scheduled-ticker', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('scheduled-ticker')).toEqual(['I9201 Resources/Stage', 'I9202 Resources/Stage']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    let http: string;
    beforeAll(async () => {
      app = await runApp('scheduled-ticker');
      http = new URL(app.server.url.replace(/^ws/, 'http')).origin;
    });
    afterAll(() => app?.close());

    it('lists both schedules at start, with how to fire each now', () => {
      expect(app.server.services.filter((line) => line.startsWith('schedule'))).toEqual([
        `schedule       → TickFunction.EveryMinute rate(1 minute), to TickFunction; fire now: curl -X POST ${http}/@schedules/TickFunction.EveryMinute`,
        `schedule       → TickFunction.Hourly cron(0 * * * ? *) (UTC), to TickFunction; fire now: curl -X POST ${http}/@schedules/TickFunction.Hourly`,
      ]);
    });

    it('broadcasts a tick to every connection when a schedule fires', async () => {
      const alice = await Client.connect(app.server.url);
      const bob = await Client.connect(app.server.url);
      const fired = await fetch(`${http}/@schedules/TickFunction.EveryMinute`, { method: 'POST' });
      expect(fired.status).toBe(200);
      for (const client of [alice, bob]) {
        expect(JSON.parse(await client.next())).toEqual({
          kind: 'minute',
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          rule: expect.stringMatching(/^arn:aws:events:us-east-1:\d{12}:rule\/\S+-TickFunctionEveryMinute$/),
        });
      }
      await app.server.fireSchedule('TickFunction.Hourly');
      for (const client of [alice, bob]) {
        expect(JSON.parse(await client.next())).toEqual({
          kind: 'hourly',
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        });
      }
      await Promise.all([alice.close(), bob.close()]);
    });

    it('answers 404 naming the schedules for one that does not exist', async () => {
      const fired = await fetch(`${http}/@schedules/Nightly`, { method: 'POST' });
      expect(fired.status).toBe(404);
      expect(await fired.json()).toEqual({
        message:
          'no schedule "Nightly"; this app\'s schedules: TickFunction.EveryMinute, TickFunction.Hourly',
      });
      await expect(app.server.fireSchedule('Nightly')).rejects.toThrow('no schedule "Nightly"');
    });
  });
});
