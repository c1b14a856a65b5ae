/**
 * A hand-written app on SAM's own `AWS::Serverless::WebSocketApi`: routes to functions, a REQUEST
 * authorizer on `$connect` (Auth CUSTOM), a StageName from a parameter, `!Ref ChatApi.Stage`, and
 * route responses declared beside the API against the logical ids SAM generates.
 */
import { join } from 'node:path';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client } from './helpers';

const APP = join(__dirname, 'fixtures', 'sam-websocket-app');

describe('wskit local: an AWS::Serverless::WebSocketApi app', () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocal({ appDir: APP, port: 0 });
  });
  afterAll(() => server.close());

  it('serves the stage the StageName parameter names', () => {
    expect(server.url).toMatch(/\/prod$/);
    expect([...server.app.routes.keys()].sort()).toEqual(['$connect', '$default', 'sendMessage']);
  });

  it('lets in what the authorizer allows, and routes messages to the functions with its context', async () => {
    const client = await Client.connect(`${server.url}?token=open-sesame`);
    expect(JSON.parse(await client.request(JSON.stringify({ action: 'sendMessage' })))).toEqual({
      route: 'sendMessage',
      tier: 'silver',
      stage: 'prod',
      endpoint: `https://${server.app.apiId}.execute-api.us-east-1.amazonaws.com/prod`,
    });
    expect(JSON.parse(await client.request('not json'))).toMatchObject({ route: '$default' });
    await client.close();
  });

  it('refuses the handshake the authorizer denies', async () => {
    await expect(Client.connect(`${server.url}?token=guess`)).rejects.toMatchObject({ status: 403 });
    await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 401 });
  });
});
