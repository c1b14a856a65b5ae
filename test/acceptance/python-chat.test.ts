/**
 * A Python chat on boto3: SimpleTable, Globals, a $default handler and a two-way Lambda route. Its
 * functions sit in a VPC whose subnets are parameters without defaults: nothing local needs them.
 */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: python-chat', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('python-chat')).toEqual(['I9201 Resources/Stage', 'I9202 Resources/Stage']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('python-chat');
    });
    afterAll(() => app?.close());

    it('keeps names from the query string, says messages to the room, and answers `who`', async () => {
      const ada = await Client.connect(`${app.server.url}?name=ada`);
      const linus = await Client.connect(`${app.server.url}?name=linus`);

      expect(JSON.parse(await ada.request(JSON.stringify({ action: 'who' })))).toEqual({
        here: ['ada', 'linus'],
      });

      ada.socket.send(JSON.stringify({ text: 'hello from python' }));
      const expected = { from: 'ada', text: 'hello from python' };
      expect(JSON.parse(await linus.next())).toEqual(expected);
      expect(JSON.parse(await ada.next())).toEqual(expected);

      await linus.close();
      expect(await eventuallyHere(ada, ['ada'])).toEqual({ here: ['ada'] });
      await ada.close();
    });
  });
});

/** Asks `who` until the room is as expected (a $disconnect runs after the close). */
async function eventuallyHere(client: Client, names: string[]): Promise<unknown> {
  const reply = await client.requestUntil(
    JSON.stringify({ action: 'who' }),
    (text) => JSON.stringify(JSON.parse(text).here) === JSON.stringify(names),
  );
  return JSON.parse(reply);
}
