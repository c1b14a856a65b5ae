/**
 * What a rule's target receives, as EventBridge builds it: the whole event; `Input`, a fixed JSON
 * text; `InputPath`, the part of the event a JSONPath selects; or `InputTransformer`, whose
 * `InputPathsMap` names parts of the event and whose `InputTemplate` places them at `<name>`: a
 * string is written as its JSON-escaped text (the template's own quotes surround it), anything
 * else as JSON, a path that selects nothing as `null`. The predefined `<aws.events.rule-arn>`,
 * `<aws.events.rule-name>`, `<aws.events.event.ingestion-time>` and `<aws.events.event>` (also
 * `.json`) are there too. A result that is JSON is sent as JSON, anything else as text.
 */
import type { Json } from '../../../template/types';
import { jsonPath } from '../../vtl/json-path';

export interface TargetInput {
  readonly input?: string;
  readonly inputPath?: string;
  readonly transformer?: { readonly pathsMap: Readonly<Record<string, string>>; readonly template: string };
}

export interface RuleInfo {
  readonly name: string;
  readonly arn: string;
}

export function targetInput(target: TargetInput, event: Record<string, unknown>, rule: RuleInfo): unknown {
  if (target.input !== undefined) return parsed(target.input);
  if (target.inputPath !== undefined) return jsonPath(event, target.inputPath) ?? null;
  if (!target.transformer) return event;
  const values: Record<string, unknown> = {
    'aws.events.rule-arn': rule.arn,
    'aws.events.rule-name': rule.name,
    'aws.events.event.ingestion-time': event.time,
    'aws.events.event': event,
    'aws.events.event.json': event,
  };
  for (const [name, path] of Object.entries(target.transformer.pathsMap))
    values[name] = jsonPath(event, path);
  const text = target.transformer.template.replace(/<([\w.-]+)>/g, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    if (typeof value === 'string') return JSON.stringify(value).slice(1, -1);
    return JSON.stringify(value ?? null);
  });
  return parsed(text);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
