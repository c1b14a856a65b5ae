/**
 * A non-proxy Lambda integration (`IntegrationType: AWS`) whose function throws: the route answers
 * as API Gateway does, and the log names the function and its error, as for a proxy integration.
 */
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import { Client, eventually, websocketApi, writeApp } from './helpers';

const tally = `exports.handler = async (event) => {
  if (typeof event.count !== 'number') throw new RangeError('count must be a number');
  return { total: event.count + 1 };
};
`;

describe('wskit local: a non-proxy Lambda integration whose function throws', () => {
  let server: LocalServer;
  const logs: string[] = [];
  beforeAll(async () => {
    const dir = writeApp(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          ...websocketApi('tally', 'dev'),
          TallyRoute: {
            Type: 'AWS::ApiGatewayV2::Route',
            Properties: {
              ApiId: { Ref: 'Api' },
              RouteKey: 'tally',
              Target: { 'Fn::Sub': 'integrations/${TallyIntegration}' },
            },
          },
          TallyIntegration: {
            Type: 'AWS::ApiGatewayV2::Integration',
            Properties: {
              ApiId: { Ref: 'Api' },
              IntegrationType: 'AWS',
              IntegrationUri: {
                'Fn::Sub':
                  'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${TallyFunction.Arn}/invocations',
              },
              RequestTemplates: { 'application/json': '{"count": $input.json(\'$.count\')}' },
            },
          },
          TallyFunction: {
            Type: 'AWS::Serverless::Function',
            Properties: { CodeUri: 'src/', Handler: 'tally.handler', Runtime: 'nodejs22.x' },
          },
        },
      },
      { 'src/tally.js': tally },
    );
    server = await startLocal({ appDir: dir, port: 0, log: (line) => logs.push(line) });
  });
  afterAll(() => server.close());

  it('logs the function and its error, and the one-way route answers nothing', async () => {
    const client = await Client.connect(server.url);
    client.socket.send(JSON.stringify({ action: 'tally', count: 'many' }));
    const logged = await eventually(async () =>
      logs.some((line) => line.includes('TallyFunction failed: RangeError: count must be a number')),
    );
    expect(logged).toBe(true);
    expect(client.received).toEqual([]);
    await client.close();
  });
});
