/**
 * One contract every integration kind passes, in the manner of a shared router test suite: each
 * kind gives one integration, `ContractIntegration`, that behaves as the request says
 * (`behave` in the message body, or in the query string on `$connect`):
 * - `ok`: answers with a 2xx;
 * - `slow`: takes longer than the integration's TimeoutInMillis;
 * - `fail`: the integration itself fails (a function throws, a template does not render);
 * - `status`: the service answers a non-2xx status.
 * The suite puts it behind two-way, one-way and `$connect` routes and checks what API Gateway does.
 */

import { type LocalServer, startLocal } from '../../generator/local/start-local';
import type { Resource, Template } from '../../generator/template/types';
import { Client, writeApp } from './helpers';

export type ContractCase = 'timeout' | 'failure' | 'two-way' | 'one-way' | 'regex-keys' | 'connect-status';

export interface IntegrationKind {
  readonly name: string;
  /** The integration's resources besides the integration itself (functions, machines, tables). */
  readonly resources?: Record<string, Resource>;
  /** The properties of `ContractIntegration` (ApiId is set by the suite). */
  readonly integration: Record<string, unknown>;
  readonly files?: Record<string, string>;
  /** Non-proxy integrations take integration responses (with `/regex/` keys). */
  readonly mapped: boolean;
  /** The status `$connect` is refused with when the service answers `status`. */
  readonly connectStatus: number;
  /** Cases that do not apply to this kind, each with the reason. */
  readonly skip?: Partial<Record<ContractCase, string>>;
}

/**
 * The integration timeout every kind is given; `slow` (2 s) takes longer. It leaves room for a
 * function's first call, which starts its environment: on a loaded 2-core machine that took over
 * 300 ms and turned a two-way answer into 504.
 */
export const CONTRACT_TIMEOUT_MS = 1000;

/**
 * A request template for mapped kinds: `$b` is the behaviour (query string on `$connect`, body
 * otherwise); `fail` makes the template throw, as a template error does on API Gateway.
 */
export const BEHAVIOUR_PREAMBLE = `#set($b = $input.params('behave'))
#if("$!b" == "")#set($b = $input.path('$.behave'))#end
#if("$!b" == "")#set($b = 'ok')#end
#if($b == 'fail')$util.parseJson('not json')#end
`;

const route = (key: string) => ({
  Type: 'AWS::ApiGatewayV2::Route',
  Properties: { ApiId: { Ref: 'Api' }, RouteKey: key, Target: 'integrations/ContractIntegration' },
});

function contractTemplate(kind: IntegrationKind): Template {
  const responses: Record<string, Resource> = kind.mapped
    ? {
        MatchedResponse: {
          Type: 'AWS::ApiGatewayV2::IntegrationResponse',
          Properties: {
            ApiId: { Ref: 'Api' },
            IntegrationId: { Ref: 'ContractIntegration' },
            IntegrationResponseKey: '/2\\d\\d/',
            TemplateSelectionExpression: '\\$default',
            ResponseTemplates: { $default: '{"matched": "2xx", "status": "$context.status"}' },
          },
        },
        DefaultResponse: {
          Type: 'AWS::ApiGatewayV2::IntegrationResponse',
          Properties: {
            ApiId: { Ref: 'Api' },
            IntegrationId: { Ref: 'ContractIntegration' },
            IntegrationResponseKey: '$default',
            TemplateSelectionExpression: '\\$default',
            ResponseTemplates: { $default: '{"matched": "default", "status": "$context.status"}' },
          },
        },
      }
    : {};
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Api: {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          Name: 'contract',
          ProtocolType: 'WEBSOCKET',
          RouteSelectionExpression: '$request.body.route',
        },
      },
      Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'Api' }, StageName: 'test' } },
      ConnectRoute: route('$connect'),
      TwoWayRoute: route('twoway'),
      TwoWayRouteResponse: {
        Type: 'AWS::ApiGatewayV2::RouteResponse',
        Properties: { ApiId: { Ref: 'Api' }, RouteId: { Ref: 'TwoWayRoute' }, RouteResponseKey: '$default' },
      },
      OneWayRoute: route('oneway'),
      ContractIntegration: {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { ApiId: { Ref: 'Api' }, TimeoutInMillis: CONTRACT_TIMEOUT_MS, ...kind.integration },
      },
      ...responses,
      ...kind.resources,
    },
  } as Template;
}

export function runIntegrationContract(kind: IntegrationKind): void {
  const skip = kind.skip ?? {};
  const test = (name: ContractCase, title: string, body: () => Promise<void>) =>
    skip[name] ? it.skip(`${title} (not for ${kind.name}: ${skip[name]})`, body) : it(title, body);

  describe(`integration contract: ${kind.name}`, () => {
    let server: LocalServer;
    beforeAll(async () => {
      server = await startLocal({ appDir: writeApp(contractTemplate(kind), kind.files), port: 0 });
    });
    afterAll(() => server.close());

    const send = async (route: string, behave: string) => {
      const client = await Client.connect(server.url);
      client.socket.send(JSON.stringify({ route, behave }));
      return client;
    };

    test('two-way', 'a two-way route sends the answer back', async () => {
      const client = await send('twoway', 'ok');
      const reply = await client.next();
      if (kind.mapped)
        expect(JSON.parse(reply)).toEqual({ matched: '2xx', status: expect.stringMatching(/^2\d\d$/) });
      else expect(reply.length).toBeGreaterThan(0);
      await client.close();
    });

    test('one-way', 'a one-way route sends nothing back', async () => {
      const client = await send('oneway', 'ok');
      // A two-way message sent after it is answered first: the one-way one sent nothing.
      client.socket.send(JSON.stringify({ route: 'twoway', behave: 'ok' }));
      await client.next();
      expect(client.received).toEqual([]);
      await client.close();
    });

    test(
      'regex-keys',
      'a /regex/ integration response key matches the status; $default takes the rest',
      async () => {
        const client = await send('twoway', 'status');
        expect(JSON.parse(await client.next())).toEqual({
          matched: 'default',
          status: String(kind.connectStatus),
        });
        await client.close();
      },
    );

    test(
      'timeout',
      'an integration slower than its timeout answers 504 "Endpoint request timed out"',
      async () => {
        const client = await send('twoway', 'slow');
        expect(JSON.parse(await client.next())).toMatchObject({
          message: 'Endpoint request timed out',
          connectionId: expect.any(String),
          requestId: expect.any(String),
        });
        await client.close();
      },
    );

    test('failure', 'a failing integration answers 500 "Internal server error"', async () => {
      const client = await send('twoway', 'fail');
      expect(JSON.parse(await client.next())).toMatchObject({ message: 'Internal server error' });
      await client.close();
    });

    test(
      'connect-status',
      '$connect accepts a 2xx and refuses with the status the integration gives',
      async () => {
        const accepted = await Client.connect(`${server.url}?behave=ok`);
        await accepted.close();
        await expect(Client.connect(`${server.url}?behave=status`)).rejects.toMatchObject({
          status: kind.connectStatus,
        });
      },
    );
  });
}
