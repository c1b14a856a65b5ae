/** The built-in patterns, by name. */
import type { Pattern } from '../generator/pattern';
import { dynamodbPattern } from './dynamodb/pattern';
import { eventbridgePattern } from './eventbridge/pattern';
import { lambdaPattern } from './lambda/pattern';
import { sfnAsyncPattern } from './sfn-async/pattern';
import { sfnSyncPattern } from './sfn-sync/pattern';
import { snsPattern } from './sns/pattern';
import { sqsPattern } from './sqs/pattern';

export const PATTERNS: Readonly<Record<string, Pattern>> = {
  [lambdaPattern.name]: lambdaPattern,
  [sfnSyncPattern.name]: sfnSyncPattern,
  [sfnAsyncPattern.name]: sfnAsyncPattern,
  [sqsPattern.name]: sqsPattern,
  [dynamodbPattern.name]: dynamodbPattern,
  [snsPattern.name]: snsPattern,
  [eventbridgePattern.name]: eventbridgePattern,
};
