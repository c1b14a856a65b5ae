/**
 * Request validation as API Gateway does it (RequestModels chosen by a ModelSelectionExpression,
 * JSON Schema draft 4, `Invalid request body` without calling the integration), and request and
 * response templates keyed by content type when there is no TemplateSelectionExpression.
 */
import { join } from 'node:path';
import { type LocalServer, startLocal } from '../../generator/local/start-local';
import { Client } from './helpers';

const APP = join(__dirname, 'fixtures', 'models-app');

describe('wskit local: request models', () => {
  let server: LocalServer;
  let client: Client;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startLocal({ appDir: APP, port: 0, log: (line) => logs.push(line) });
    client = await Client.connect(server.url);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  const send = (message: unknown) =>
    client.request(typeof message === 'string' ? message : JSON.stringify(message));
  const refused = {
    message: 'Invalid request body',
    connectionId: expect.any(String),
    requestId: expect.any(String),
  };

  it('passes a body that matches the model to the integration', async () => {
    expect(await send({ action: 'order', item: 'tea', quantity: 2 })).toBe('accepted tea');
  });

  it.each<[string, unknown]>([
    ['a missing required property', { action: 'order', item: 'tea' }],
    ['a value of the wrong type', { action: 'order', item: 'tea', quantity: 1.5 }],
    ['a value under its minimum', { action: 'order', item: 'tea', quantity: 0 }],
  ])('refuses %s with Invalid request body', async (_name, message) => {
    expect(JSON.parse(await send(message))).toEqual(refused);
  });

  it('picks the model the message names, from a schema written as a string too', async () => {
    expect(await send({ action: 'submit', kind: 'note', text: 'hi' })).toBe('accepted note');
    expect(JSON.parse(await send({ action: 'submit', kind: 'note' }))).toEqual(refused);
    expect(await send({ action: 'submit', kind: 'order', item: 'cake', quantity: 1 })).toBe('accepted order');
  });

  it('refuses a message no model is selected for, and logs why', async () => {
    expect(JSON.parse(await send({ action: 'submit', kind: 'other' }))).toEqual(refused);
    expect(logs.some((line) => line.includes('no model for "other" and no $default model'))).toBe(true);
  });
});

describe('wskit local: templates keyed by content type', () => {
  it('uses the application/json request and response templates when no expression selects one', async () => {
    const server = await startLocal({ appDir: APP, port: 0 });
    try {
      const client = await Client.connect(server.url);
      expect(JSON.parse(await client.request(JSON.stringify({ action: 'ping' })))).toEqual({ pong: 'ping' });
      await client.close();
    } finally {
      await server.close();
    }
  });
});
