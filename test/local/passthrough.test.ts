/**
 * PassthroughBehavior on non-proxy integrations, end to end with a real ws client: a message whose
 * template selection key has no request template passes through unchanged (WHEN_NO_MATCH, the
 * default; WHEN_NO_TEMPLATES when the integration has no template at all) or is refused with 415
 * Unsupported Media Type before the integration runs (NEVER; WHEN_NO_TEMPLATES beside templates).
 * MOCK integrations show which: the matching template answers 201, a message passed through
 * answers the `statusCode` it carries (202).
 */
import type { LocalServer } from '../../generator/local/start-local';
import { startLocal } from '../../generator/local/start-local';
import type { Template } from '../../generator/template/types';
import { Client, integrationResponse, twoWayRoute, websocketApi, writeApp } from './helpers';

/** A two-way MOCK route; `templated` gives it a request template for the key `known`. */
function mockRoute(key: string, behavior: string | undefined, templated: boolean): Template['Resources'] {
  const id = key.replace(/[^A-Za-z]/g, '');
  return {
    ...twoWayRoute(id, key, {
      IntegrationType: 'MOCK',
      TemplateSelectionExpression: '$request.body.kind',
      ...(behavior ? { PassthroughBehavior: behavior } : {}),
      ...(templated ? { RequestTemplates: { known: '{"statusCode": 201}' } } : {}),
    }),
    ...integrationResponse(id, '{"status": $context.status}'),
  };
}

describe('wskit local: PassthroughBehavior decides what a message no template matches does', () => {
  let server: LocalServer;
  let client: Client;
  const logged: string[] = [];
  beforeAll(async () => {
    const dir = writeApp({
      Resources: {
        ...websocketApi('passthrough', 'dev'),
        ...mockRoute('default', undefined, true),
        ...mockRoute('nomatch', 'WHEN_NO_MATCH', true),
        ...mockRoute('notemplates', 'WHEN_NO_TEMPLATES', true),
        ...mockRoute('notemplates-bare', 'WHEN_NO_TEMPLATES', false),
        ...mockRoute('never', 'NEVER', true),
        ...mockRoute('never-bare', 'NEVER', false),
        ...mockRoute('typo', 'SOMETIMES', true),
      },
    });
    server = await startLocal({ appDir: dir, port: 0, log: (line) => logged.push(line) });
    client = await Client.connect(server.url);
  });
  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  const send = async (action: string, kind: string) =>
    JSON.parse(await client.request(JSON.stringify({ action, kind, statusCode: 202 })));

  it.each(['default', 'nomatch', 'notemplates', 'never'])(
    '%s: a matching template is used',
    async (route) => {
      expect(await send(route, 'known')).toEqual({ status: 201 });
    },
  );

  it.each([
    ['default', 'WHEN_NO_MATCH'],
    ['nomatch', 'WHEN_NO_MATCH'],
    ['notemplates-bare', 'WHEN_NO_TEMPLATES with no template at all'],
  ])('%s (%s): an unmatched message passes through unchanged', async (route) => {
    expect(await send(route, 'other')).toEqual({ status: 202 });
  });

  it.each([
    ['notemplates', 'WHEN_NO_TEMPLATES beside a template'],
    ['never', 'NEVER'],
    ['never-bare', 'NEVER with no template'],
  ])('%s (%s): an unmatched message is refused with 415', async (route) => {
    const reply = await send(route, 'other');
    expect(reply).toEqual({
      message: 'Unsupported Media Type',
      connectionId: expect.any(String),
      requestId: expect.any(String),
    });
    expect(logged.join('\n')).toContain('no request template matches');
  });

  it('names a PassthroughBehavior API Gateway does not take, and its route alone is unavailable', () => {
    expect(server.app.routes.get('typo')?.integration).toEqual({
      kind: 'unavailable',
      id: 'typoIntegration',
      reason: 'PassthroughBehavior "SOMETIMES" is not one of WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER',
    });
  });
});

describe('wskit local: PassthroughBehavior NEVER on $connect', () => {
  it('refuses the handshake with 415 when no template matches', async () => {
    const dir = writeApp({
      Resources: { ...websocketApi('passthrough-connect', 'dev'), ...mockRoute('$connect', 'NEVER', false) },
    });
    const server = await startLocal({ appDir: dir, port: 0, log: () => {} });
    try {
      await expect(Client.connect(server.url)).rejects.toMatchObject({ status: 415 });
    } finally {
      await server.close();
    }
  });
});
