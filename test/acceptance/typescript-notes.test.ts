/** A TypeScript handler with esbuild Metadata, importing a second module; answers and posts through @connections. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: typescript-notes', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('typescript-notes')).toEqual([
      'I9104 Resources/NoteFunction',
      'I9201 Resources/NotesStage',
      'I9202 Resources/NotesStage',
    ]);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('typescript-notes');
    });
    afterAll(() => app?.close());

    it('acknowledges a note and sends its summary through @connections', async () => {
      const client = await Client.connect(app.server.url);
      client.socket.send(JSON.stringify({ type: 'note', text: 'buy milk and eggs' }));
      const replies = [await client.next(), await client.next()].map((text) => JSON.parse(text));
      expect(replies).toEqual(
        expect.arrayContaining([
          { saved: true, words: 4 },
          { summary: 'buy milk and', words: 4 },
        ]),
      );
      await client.close();
    });
  });
});
