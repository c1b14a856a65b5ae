/** Stack outputs: where to connect, where to post back, and the ARNs a user looks up afterwards. */

import type { AppParts } from '../model/validate-app';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { Output } from '../template/types';
import {
  API_ID,
  eventBusIds,
  functionIds,
  queueIds,
  STAGE_ID,
  stateMachineIds,
  tableIds,
  topicIds,
} from './ids';

const HOST = `\${${API_ID}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`;

export function outputs(parts: AppParts): Record<string, Output> {
  const result: Record<string, Output> = {
    APIEndpoint: {
      Description: 'WebSocket URL to connect to (wscat -c <url>)',
      Value: sub(`wss://${HOST}/\${${STAGE_ID}}`),
    },
    ConnectionsEndpoint: {
      Description: 'HTTPS endpoint of the @connections management API, for sending messages to clients',
      Value: sub(`https://${HOST}/\${${STAGE_ID}}/@connections`),
    },
    WebSocketApiId: { Description: 'Id of the WebSocket API', Value: ref(API_ID) },
  };
  for (const fn of parts.functions) {
    const id = functionIds(fn).function;
    result[`${id}Arn`] = { Description: `ARN of ${id}`, Value: getAtt(id, 'Arn') };
  }
  for (const table of parts.tables) {
    const id = tableIds(table).table;
    result[`${id}Name`] = { Description: `Name of the DynamoDB table ${id}`, Value: ref(id) };
  }
  for (const machine of parts.stateMachines) {
    const id = stateMachineIds(machine).stateMachine;
    result[`${id}Arn`] = { Description: `ARN of the state machine ${id}`, Value: ref(id) };
  }
  for (const queue of parts.queues) {
    const ids = queueIds(queue);
    result[`${ids.queue}Url`] = { Description: `URL of the SQS queue ${ids.queue}`, Value: ref(ids.queue) };
    result[`${ids.deadLetterQueue}Url`] = {
      Description: `URL of the dead-letter queue of ${ids.queue}: messages that failed ${queue.maxReceiveCount} times`,
      Value: ref(ids.deadLetterQueue),
    };
  }
  for (const topic of parts.topics) {
    const id = topicIds(topic).topic;
    result[`${id}Arn`] = { Description: `ARN of the SNS topic ${id}`, Value: ref(id) };
  }
  for (const bus of parts.eventBuses) {
    const id = eventBusIds(bus).eventBus;
    result[`${id}Name`] = { Description: `Name of the EventBridge bus ${id}`, Value: ref(id) };
  }
  return result;
}
