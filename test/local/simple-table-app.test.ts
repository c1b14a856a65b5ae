/**
 * A hand-written SAM app in the shapes SAM users write: SimpleTables (one keyed by PrimaryKey, one by
 * the default `id`), a function with InlineCode and one with no CodeUri, Globals for functions and
 * tables, a parameter with AllowedValues given through parameter overrides, and a route that exists
 * only under a Condition.
 */
import { join } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { banner } from '../../generator/cli/commands/local';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client, eventually, localDynamoDb } from './helpers';

const APP = join(__dirname, 'fixtures', 'simple-table-app');

describe('wskit local: SimpleTable, InlineCode, Globals, Parameters and Conditions', () => {
  let server: LocalServer;
  let dynamodb: DynamoDBClient;
  beforeAll(async () => {
    server = await startLocal({ appDir: APP, port: 0, parameterOverrides: { Environment: 'qa' } });
    dynamodb = localDynamoDb(server);
  });
  afterAll(async () => {
    dynamodb.destroy();
    await server.close();
  });

  it('creates each SimpleTable with its key, named from the overridden parameter', async () => {
    expect(server.url).toMatch(/\/qa$/);
    expect(server.app.tables.map((table) => table.name)).toEqual([
      'connections-qa',
      'simple-table-app-NotesTable',
    ]);
    const notes = await dynamodb.send(new DescribeTableCommand({ TableName: 'simple-table-app-NotesTable' }));
    expect(notes.Table?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
  });

  it('runs a function with no CodeUri from the template folder, with the Globals environment', async () => {
    const client = await Client.connect(server.url);
    const scan = () => dynamodb.send(new ScanCommand({ TableName: 'connections-qa' }));
    expect(await eventually(async () => (await scan()).Count === 1)).toBe(true);
    await client.close();
  });

  it('runs InlineCode', async () => {
    const client = await Client.connect(server.url);
    expect(await client.request('buy milk')).toBe('noted in simple-table-app-NotesTable');
    const notes = await dynamodb.send(new ScanCommand({ TableName: 'simple-table-app-NotesTable' }));
    expect(notes.Items?.map((item) => item.text?.S)).toContain('buy milk');
    await client.close();
  });

  it('prints the local DynamoDB endpoint, each table by name and a scan command that works', async () => {
    const lines = banner(server.app, server.url, { dynamoEndpoint: server.dynamoEndpoint });
    expect(lines).toContain(`  DynamoDB       → ${server.dynamoEndpoint} (in memory)`);
    expect(lines).toContain('    ConnectionsTable → connections-qa');
    const scan = lines.find((line) => line.includes('--table-name simple-table-app-NotesTable')) ?? '';
    const [, endpoint, table] = /aws dynamodb scan --endpoint-url (\S+) --table-name (\S+)$/.exec(scan) ?? [];
    expect(endpoint).toBe(server.dynamoEndpoint);
    expect((await dynamodb.send(new ScanCommand({ TableName: table }))).Count).toEqual(expect.any(Number));
  });

  it('leaves out resources whose Condition is false', () => {
    expect([...server.app.routes.keys()].sort()).toEqual(['$connect', '$default']);
    expect(server.app.functions.has('AuditFunction')).toBe(false);
  });
});

describe('wskit local: template parameters', () => {
  it('refuses an override outside AllowedValues, naming the parameter', async () => {
    await expect(
      startLocal({ appDir: APP, port: 0, parameterOverrides: { Environment: 'staging' } }),
    ).rejects.toThrow(expect.objectContaining({ code: 'E_LOCAL_PARAMETER', path: 'Parameters.Environment' }));
  });

  it('turning the Condition on brings its route back (and its missing code stops the start)', async () => {
    await expect(
      startLocal({ appDir: APP, port: 0, parameterOverrides: { EnableAudit: 'true' } }),
    ).rejects.toThrow(expect.objectContaining({ code: 'E_LOCAL_BUNDLE', path: 'AuditFunction' }));
  });
});
