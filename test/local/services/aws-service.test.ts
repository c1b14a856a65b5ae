/** How an AWS integration's URI, request parameters and rendered request reach a service. */
import {
  decodeForm,
  decodeServiceRequest,
  integrationHeaders,
  parseAwsServiceUri,
} from '../../../generator/local/integrations/aws-service';

describe('AWS integration URIs', () => {
  it('reads the action form', () => {
    expect(parseAwsServiceUri('arn:aws:apigateway:us-east-1:dynamodb:action/PutItem')).toEqual({
      service: 'dynamodb',
      action: 'dynamodb:PutItem',
    });
  });

  it('reads the path form, leaving the action to the request', () => {
    expect(parseAwsServiceUri('arn:aws-cn:apigateway:cn-north-1:sqs:path/123456789012/Orders')).toEqual({
      service: 'sqs',
      path: '123456789012/Orders',
    });
  });

  it('gives nothing for other URIs', () => {
    expect(parseAwsServiceUri('https://example.com/path')).toBeUndefined();
  });
});

describe('request parameters', () => {
  it('sets headers from literals, the handshake, the body and the context', () => {
    const headers = integrationHeaders(
      {
        'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'",
        'integration.request.header.X-Token': 'route.request.header.Auth',
        'integration.request.header.X-Room': 'route.request.body.room',
        'integration.request.header.X-Connection': 'context.connectionId',
        'integration.request.querystring.ignored': "'x'",
      },
      { header: { Auth: 'secret' }, body: '{"room": "lobby"}', context: { connectionId: 'abc=' } },
    );
    expect(headers).toEqual({
      'content-type': 'application/x-www-form-urlencoded',
      'x-token': 'secret',
      'x-room': 'lobby',
      'x-connection': 'abc=',
    });
  });
});

describe('rendered requests as the service decodes them', () => {
  it('decodes the query protocol form, with the Action apart and numbered lists', () => {
    const decoded = decodeServiceRequest(
      'Action=SendMessageBatch&Version=2012-11-05&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=hi%20there&SendMessageBatchRequestEntry.2.Id=b',
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(decoded).toEqual({
      ok: true,
      query: true,
      action: 'SendMessageBatch',
      input: { SendMessageBatchRequestEntry: [{ Id: 'a', MessageBody: 'hi there' }, { Id: 'b' }] },
    });
  });

  it('takes a form body without a Content-Type, and JSON with the action from X-Amz-Target', () => {
    expect(decodeServiceRequest('Action=Publish&Message=m', {})).toMatchObject({
      action: 'Publish',
      query: true,
    });
    expect(decodeServiceRequest('{"Entries": []}', { 'x-amz-target': 'AWSEvents.PutEvents' })).toEqual({
      ok: true,
      query: false,
      action: 'PutEvents',
      input: { Entries: [] },
    });
  });

  it('refuses a body that is neither', () => {
    expect(decodeServiceRequest('{not json', {})).toMatchObject({ ok: false });
  });

  it('drops the member wrappers of query-protocol lists', () => {
    expect(decodeForm('Tags.member.1.Key=k&Tags.member.1.Value=v')).toEqual({
      Tags: [{ Key: 'k', Value: 'v' }],
    });
  });
});
