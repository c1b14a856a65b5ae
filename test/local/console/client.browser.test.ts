/**
 * The console's in-page client against an app of our own: a connection opened from the page with a
 * header its `$connect` function reads, a frame sent from the page, its answer and the function's
 * log line; and the API page, where a NoEcho parameter's value and secret-looking variables are masked.
 */
import type { Browser, Page } from 'playwright-core';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import type { Template } from '../../../generator/template/types';
import { writeApp } from '../helpers';
import { describeInBrowser, openBrowser, openConsole, screenshot, show } from './browser';

const app: Template = {
  Transform: 'AWS::Serverless-2016-10-31',
  Parameters: { SigningKey: { Type: 'String', NoEcho: true, Default: 'k-3f9a1c' } },
  Resources: {
    Api: {
      Type: 'AWS::Serverless::WebSocketApi',
      Properties: {
        RouteSelectionExpression: '$request.body.action',
        Routes: {
          $connect: { FunctionArn: { 'Fn::GetAtt': ['OnConnect', 'Arn'] } },
          $default: { FunctionArn: { 'Fn::GetAtt': ['Echo', 'Arn'] } },
        },
      },
    },
    DefaultResponse: {
      Type: 'AWS::ApiGatewayV2::RouteResponse',
      Properties: {
        ApiId: { Ref: 'Api' },
        RouteId: { Ref: 'ApiDefaultRoute' },
        RouteResponseKey: '$default',
      },
    },
    OnConnect: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        InlineCode:
          "exports.handler = async (e) => { console.log(`team ${e.headers['X-Team']}`); return { statusCode: 200 }; };",
      },
    },
    Echo: {
      Type: 'AWS::Serverless::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        Environment: {
          Variables: { SIGNING: { Ref: 'SigningKey' }, DB_PASSWORD: 'hunter2', COLOUR: 'teal' },
        },
        InlineCode:
          'exports.handler = async (e) => { console.log(`echoing ${e.body.length} characters`); return { statusCode: 200, body: `echo: ${e.body}` }; };',
      },
    },
  },
};

describeInBrowser('local console: the in-page client', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(app), port: 0, console: { port: 0 } });
    browser = await openBrowser();
    page = await openConsole(browser, server.consoleUrl as string, 'client');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a connection with a header, sends a frame, and shows the answer and the log line', async () => {
    await page.getByLabel('headers').fill('X-Team: falcons');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByTestId('client-note').getByText('connected').waitFor();
    await page.getByLabel('frame').fill('{"say":"hi"}');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.row.out', { hasText: 'echo: {"say":"hi"}' }).waitFor();
    await page.locator('.row.route', { hasText: '$default → lambda' }).waitFor();
    await page.locator('.row.log', { hasText: 'Echo: echoing 12 characters' }).waitFor();
    await screenshot(page, 'client');

    await show(page, 'Function runs');
    await page.locator('.item', { hasText: 'Echo' }).first().click();
    await page.getByTestId('run-detail').getByText('echoing 12 characters').waitFor();
    await page.locator('.item', { hasText: 'OnConnect' }).first().click();
    await page.getByTestId('run-detail').getByText('team falcons').waitFor();
    await screenshot(page, 'runs');
  });

  it('masks NoEcho parameter values and secret-looking variables on the API page', async () => {
    await show(page, 'API');
    await page.locator('summary', { hasText: 'Echo' }).click();
    const text = await page.locator('main').innerText();
    expect(text).toContain('COLOUR');
    expect(text).toContain('teal');
    expect(text).not.toContain('k-3f9a1c');
    expect(text).not.toContain('hunter2');
    expect(text.match(/\*\*\*\*/g)?.length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'api');
  });
});
