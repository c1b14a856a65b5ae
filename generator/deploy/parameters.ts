/**
 * Parameter overrides checked against the template before anything is uploaded, and turned into
 * CloudFormation parameters: on an update, parameters not overridden keep their previous values.
 */
import type { Parameter, Tag } from '@aws-sdk/client-cloudformation';
import { oneOf } from '../errors';
import type { Template } from '../template/types';
import { DeployError } from './errors';
import type { KeyValues } from './key-values';

export function planParameters(
  template: Template,
  overrides: KeyValues,
  /** Parameter keys of the existing stack, or undefined when the stack is created. */
  previousKeys: readonly string[] | undefined,
): Parameter[] {
  const declared = template.Parameters ?? {};
  const names = Object.keys(declared);
  for (const [key, value] of Object.entries(overrides)) {
    const parameter = declared[key];
    if (!parameter) {
      const known = names.length > 0 ? `its parameters are ${oneOf(names)}` : 'it declares no parameters';
      throw new DeployError(
        'E_DEPLOY_UNKNOWN_PARAMETER',
        `parameter override ${key} does not match the template: ${known}`,
        key,
      );
    }
    const allowed = parameter.AllowedValues?.map(String);
    if (allowed && !allowed.includes(value)) {
      throw new DeployError(
        'E_DEPLOY_PARAMETER_VALUE',
        `parameter override ${key}=${JSON.stringify(value)} is not allowed: use ${oneOf(allowed)}`,
        key,
      );
    }
  }
  const previous = new Set(previousKeys ?? []);
  return names.flatMap((key): Parameter[] => {
    if (key in overrides) return [{ ParameterKey: key, ParameterValue: overrides[key] }];
    if (previous.has(key)) return [{ ParameterKey: key, UsePreviousValue: true }];
    return [];
  });
}

export function toTags(tags: KeyValues): Tag[] {
  return Object.keys(tags)
    .sort()
    .map((key) => ({ Key: key, Value: tags[key] }));
}
