/** PutEvents through X-Amz-Target and an amz-json body; a SAM EventBridgeRule with a numeric pattern. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: eventbridge-scores', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('eventbridge-scores')).toEqual([
      'I9103 Resources/PutEventsIntegration',
      'I9201 Resources/ScoresStage',
      'I9202 Resources/ScoresStage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('eventbridge-scores');
    });
    afterAll(() => app?.close());

    it('acknowledges every score and answers later only for those the rule matches', async () => {
      const client = await Client.connect(app.server.url);
      expect(
        JSON.parse(await client.request(JSON.stringify({ action: 'submit', player: 'ada', points: 40 }))),
      ).toEqual({ accepted: true, failed: 0 });
      expect(
        JSON.parse(await client.request(JSON.stringify({ action: 'submit', player: 'grace', points: 120 }))),
      ).toEqual({ accepted: true, failed: 0 });
      // Only the second score reaches the function: the first answer after the acks is grace's.
      expect(JSON.parse(await client.next())).toEqual({
        board: 'grace',
        points: 120,
        kind: 'ScoreSubmitted',
        source: 'acceptance.scores',
      });
      await client.close();
    });
  });
});
