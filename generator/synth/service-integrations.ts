/**
 * AWS service integrations: API Gateway calls one action of SQS, SNS, DynamoDB, EventBridge or Step
 * Functions with a request rendered by VTL, assuming a role allowed that action on one resource.
 * SQS and SNS speak the form-encoded query protocol; EventBridge needs its JSON target header;
 * DynamoDB and Step Functions take JSON on their `action/` URIs.
 */
import type { Route, ServiceActionName, ServiceIntegration } from '../model/types';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { Json } from '../template/types';
import type { ResourceCollector } from './collector';
import { assumedBy, policyDocument } from './iam';
import {
  API_ID,
  ESCAPED_DEFAULT,
  eventBusIds,
  queueIds,
  routeIds,
  stateMachineIds,
  tableIds,
  topicIds,
} from './ids';

interface ActionWiring {
  /** The part of the integration URI after `apigateway:<region>:`. */
  readonly uri: string;
  /** Integration request headers, as API Gateway writes static values: in single quotes. */
  readonly headers: Readonly<Record<string, string>>;
  /** What `${Target}` in the request template becomes. */
  readonly target?: Json;
  /** The resource the integration role may act on. */
  readonly resource: Json;
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function wiring(integration: ServiceIntegration): ActionWiring {
  const [service, action] = integration.action.split(':') as [string, string];
  const target = integration.target;
  switch (target.kind) {
    case 'queue': {
      const id = queueIds(target).queue;
      // The path form names the queue in the URI, so the body carries only the message.
      return {
        uri: `sqs:path/\${AWS::AccountId}/\${${id}.QueueName}`,
        headers: FORM,
        resource: getAtt(id, 'Arn'),
      };
    }
    case 'topic': {
      const id = topicIds(target).topic;
      return { uri: `sns:action/${action}`, headers: FORM, target: ref(id), resource: ref(id) };
    }
    case 'table': {
      const id = tableIds(target).table;
      return { uri: `dynamodb:action/${action}`, headers: {}, target: ref(id), resource: getAtt(id, 'Arn') };
    }
    case 'eventBus': {
      const id = eventBusIds(target).eventBus;
      return {
        uri: `events:action/${action}`,
        headers: { 'X-Amz-Target': 'AWSEvents.PutEvents', 'Content-Type': 'application/x-amz-json-1.1' },
        target: ref(id),
        resource: getAtt(id, 'Arn'),
      };
    }
    case 'stateMachine': {
      const id = stateMachineIds(target).stateMachine;
      return { uri: `${service}:action/${action}`, headers: {}, target: ref(id), resource: ref(id) };
    }
  }
}

/** Adds the route's integration and the role it assumes. */
export function addServiceIntegration(
  out: ResourceCollector,
  route: Route,
  integration: ServiceIntegration,
): void {
  const ids = routeIds(route);
  const wired = wiring(integration);
  const requestParameters = Object.fromEntries(
    Object.entries(wired.headers).map(([name, value]) => [
      `integration.request.header.${name}`,
      `'${value}'`,
    ]),
  );
  // A form body ends at its last field: a trailing newline would become part of the last value.
  const text = wired.headers === FORM ? integration.requestTemplate.trimEnd() : integration.requestTemplate;
  const template = wired.target ? sub(text, { Target: wired.target }) : text;
  out.add(ids.integration, {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: {
      ApiId: ref(API_ID),
      Description: `Calls ${integration.action}`,
      IntegrationType: 'AWS',
      IntegrationMethod: 'POST',
      IntegrationUri: sub(`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:${wired.uri}`),
      CredentialsArn: getAtt(ids.integrationRole, 'Arn'),
      ...(Object.keys(requestParameters).length > 0 ? { RequestParameters: requestParameters } : {}),
      TemplateSelectionExpression: ESCAPED_DEFAULT,
      RequestTemplates: { $default: template },
      TimeoutInMillis: integration.timeoutMillis,
    },
  });
  out.add(ids.integrationRole, {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: `Lets API Gateway call ${integration.action} for route ${route.routeKey}`,
      AssumeRolePolicyDocument: assumedBy('apigateway.amazonaws.com'),
      Policies: [
        {
          PolicyName: policyName(integration.action),
          PolicyDocument: policyDocument([
            { Effect: 'Allow', Action: integration.action, Resource: wired.resource },
          ]),
        },
      ],
    },
  });
}

/** `sqs:SendMessage` → `SqsSendMessage`. */
const policyName = (action: ServiceActionName) =>
  action.replace(/^(\w)(\w*):/, (_, first: string, rest: string) => first.toUpperCase() + rest);
