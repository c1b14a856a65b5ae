/** The SDK endpoint's protocols, as a client without the SDK sees them on the wire. */

import { queryXml } from '../../../generator/local/services/sdk-front';
import { type LocalServer, startLocal } from '../../../generator/local/start-local';
import type { Template } from '../../../generator/template/types';
import { writeApp } from '../helpers';

const template: Template = {
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'WEBSOCKET' } },
  },
};
const signedFor = (service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
});

describe('the SDK endpoint', () => {
  let server: LocalServer;
  let endpoint: string;
  beforeAll(async () => {
    server = await startLocal({ appDir: writeApp(template), port: 0 });
    endpoint = `http://127.0.0.1:${server.port}/`;
  });
  afterAll(() => server.close());

  it('answers the JSON protocol with the service error shape and x-amzn-ErrorType', async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        ...signedFor('states'),
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSStepFunctions.SendTaskSuccess',
      },
      body: JSON.stringify({ taskToken: 'unknown', output: '{}' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe(
      'com.amazonaws.swf.service.v2.model#TaskDoesNotExist',
    );
    expect(await response.json()).toEqual({
      __type: 'com.amazonaws.swf.service.v2.model#TaskDoesNotExist',
      message: 'Task Timed Out or does not exist',
    });
  });

  it('answers the query protocol in XML, an action no service runs as an ErrorResponse', async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...signedFor('ses'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=SendEmail&Version=2010-12-01&Source=a%40example.com',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /^<ErrorResponse><Error><Type>Sender<\/Type><Code>UnknownOperationException<\/Code><Message>ses:SendEmail does not run in wskit local/,
    );
  });

  it('writes a query-protocol result with lists as members', () => {
    expect(queryXml('Publish', { statusCode: 200, body: { MessageId: 'm-1', Ids: ['a', 'b&c'] } })).toMatch(
      /^<PublishResponse><PublishResult><MessageId>m-1<\/MessageId><Ids><member>a<\/member><member>b&amp;c<\/member><\/Ids><\/PublishResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/PublishResponse>$/,
    );
  });

  it('writes an SQS error with the query protocol’s code, not the JSON name', () => {
    const missing = {
      statusCode: 400,
      body: { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
      headers: { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' },
    };
    expect(queryXml('SendMessage', missing)).toMatch(
      /^<ErrorResponse><Error><Type>Sender<\/Type><Code>AWS\.SimpleQueueService\.NonExistentQueue<\/Code>/,
    );
  });
});
