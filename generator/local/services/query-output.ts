/**
 * Query-protocol answers as API Gateway reads them in JSON: every member of the action's output
 * shape is there, `null` where AWS leaves it unset (SNS Publish on a standard topic gives
 * `"SequenceNumber": null`), nested structures and lists of them alike, as AWS renders its answers
 * to an integration. The shapes are the AWS SDK's own models (the `<Action>$` operation schemas each
 * client exports), read through @smithy/core's schema reader, so no member list is kept here.
 * The clients load on the first answer that needs them.
 */
import { NormalizedSchema } from '@smithy/core/schema';

/** The SDK client whose models describe each query-protocol service wskit local answers. */
const CLIENTS: Readonly<Record<string, string>> = {
  sqs: '@aws-sdk/client-sqs',
  sns: '@aws-sdk/client-sns',
};

const outputs = new Map<string, NormalizedSchema | null>();

/** The output shape of `<service>:<action>` from the SDK's model; null when the SDK has none. */
function outputShape(service: string, action: string): NormalizedSchema | null {
  const key = `${service}:${action}`;
  let shape = outputs.get(key);
  if (shape === undefined) {
    const client = CLIENTS[service];
    // An operation schema is `[9, namespace, name, traits, input, output]`.
    const operation = client ? (require(client) as Record<string, unknown>)[`${action}$`] : undefined;
    const output = Array.isArray(operation) ? operation[5] : undefined;
    shape = output ? NormalizedSchema.of(output) : null;
    outputs.set(key, shape);
  }
  return shape;
}

/**
 * `result` with every member of the action's output shape, unset ones `null`; undefined for an
 * action whose output is empty (its answer has no `<Action>Result`).
 */
export function wholeOutput(service: string, action: string, result: Record<string, unknown>): unknown {
  const shape = outputShape(service, action);
  if (!shape) return result;
  return shape.isUnitSchema() ? undefined : fill(shape, result);
}

function fill(shape: NormalizedSchema, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (shape.isStructSchema()) {
    if (typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [name, member] of shape.structIterator()) {
      out[name] = fill(member, (value as Record<string, unknown>)[name]);
    }
    return out;
  }
  if (shape.isListSchema() && Array.isArray(value)) {
    const item = shape.getValueSchema();
    return value.map((entry) => fill(item, entry));
  }
  if (shape.isMapSchema() && typeof value === 'object') {
    const item = shape.getValueSchema();
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fill(item, entry)]));
  }
  return value;
}
