/** A provisioned table named `!Sub [<stack>-<suffix>, ...]`, Number parameters, console parameter groups, fixed function names. */
import { Client, eventually, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: provisioned-table', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('provisioned-table')).toEqual(['I9201 Resources/Stage', 'I9202 Resources/Stage']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('provisioned-table', { parameterOverrides: { TableSuffix: 'guests' } });
    });
    afterAll(() => app?.close());

    it('names the table after the stack and the overridden suffix, and counts the members in it', async () => {
      const tableName = app.tableName('MembersTable');
      expect(tableName).toBe(`${app.server.app.stackName}-guests`);
      const first = await Client.connect(app.server.url);
      const second = await Client.connect(app.server.url);
      expect(JSON.parse(await first.request(JSON.stringify({ action: 'count' })))).toEqual({
        members: 2,
        table: tableName,
      });
      await second.close();
      await first.close();
      expect(await eventually(async () => app.server.connectionCount() === 0)).toBe(true);
    });
  });
});
