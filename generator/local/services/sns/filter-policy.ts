/**
 * SNS subscription filter policies: with FilterPolicyScope MessageAttributes (the default) the
 * policy's keys name message attributes, a String attribute matching as text, a Number one as a
 * number and a String.Array one as its list of elements (Binary attributes match nothing); with
 * MessageBody the policy is matched against the message parsed as JSON, nested as in an event
 * pattern, and a message that is not JSON matches nothing. The operators are those of
 * `../patterns.ts`. No policy accepts every message.
 */
import type { Json } from '../../../template/types';
import { matchesPattern } from '../patterns';

export interface SnsAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: string;
}

export type FilterScope = 'MessageAttributes' | 'MessageBody';

export function matchesFilterPolicy(
  policy: Json | undefined,
  scope: FilterScope,
  message: string,
  attributes: Readonly<Record<string, SnsAttribute>>,
): boolean {
  if (policy === undefined || policy === null) return true;
  if (scope === 'MessageBody') {
    let body: unknown;
    try {
      body = JSON.parse(message);
    } catch {
      return false;
    }
    return matchesPattern(policy, body);
  }
  return matchesPattern(policy, attributeValues(attributes));
}

function attributeValues(attributes: Readonly<Record<string, SnsAttribute>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, { DataType, StringValue }] of Object.entries(attributes)) {
    if (StringValue === undefined) continue;
    if (DataType.startsWith('Number')) values[name] = Number(StringValue);
    else if (DataType === 'String.Array') values[name] = parseArray(StringValue);
    else if (DataType.startsWith('String')) values[name] = StringValue;
  }
  return values;
}

function parseArray(text: string): unknown {
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
