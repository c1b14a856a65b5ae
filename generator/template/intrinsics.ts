/** Builders for CloudFormation intrinsic functions, so the emitter never spells `Fn::` by hand. */
import type { Json } from './types';

export const ref = (logicalId: string): Json => ({ Ref: logicalId });

/** Only plain strings: a nested intrinsic inside GetAtt is dumped corruptly by the YAML writer. */
export const getAtt = (logicalId: string, attribute: string): Json => ({
  'Fn::GetAtt': [logicalId, attribute],
});

/** `!Sub text`, or the list form when variables are given. */
export const sub = (text: string, variables?: Record<string, Json>): Json =>
  variables && Object.keys(variables).length > 0 ? { 'Fn::Sub': [text, variables] } : { 'Fn::Sub': text };

export const ifCondition = (condition: string, whenTrue: Json, whenFalse: Json): Json => ({
  'Fn::If': [condition, whenTrue, whenFalse],
});

export const equals = (a: Json, b: Json): Json => ({ 'Fn::Equals': [a, b] });

export const noValue: Json = { Ref: 'AWS::NoValue' };

/** Partition-aware ARN of a service in this stack's region and account. */
export const arn = (service: string, resource: string): Json =>
  sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`);

/**
 * Replaces each `${Name}` of a Fn::Sub string with `replace(Name)`, and each `${!Literal}` with the
 * literal `${Literal}`, as CloudFormation does. `whole` is the `${...}` text as written.
 */
export function substituteSubVariables(
  text: string,
  replace: (name: string, whole: string) => string,
): string {
  return text.replace(/\$\{([^}]*)\}/g, (whole, name: string) =>
    name.startsWith('!') ? `\${${name.slice(1)}}` : replace(name, whole),
  );
}
