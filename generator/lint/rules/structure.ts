/** Rule 1: template structure — sections, resources, parameters, conditions and outputs are well-formed. */

import { oneOf, show } from '../../errors';
import { SAM_TRANSFORM } from '../../template/types';
import type { LintContext } from '../types';
import { didYouMean, isObject, referencesIn } from '../values';

const SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
  'Rules',
  'Globals',
];
const RESOURCE_KEYS = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
];
/** Resource attributes SAM adds on AWS::Serverless::* resources (its schema's `*__Resource` definitions). */
export const SAM_RESOURCE_KEYS = ['Connectors', 'IgnoreGlobals'];
const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const PARAMETER_KEYS = [
  'Type',
  'Default',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'Description',
  'MaxLength',
  'MinLength',
  'MaxValue',
  'MinValue',
  'NoEcho',
];
const PARAMETER_TYPES =
  /^(String|Number|List<Number>|CommaDelimitedList|AWS::[A-Za-z0-9:]+|List<AWS::[A-Za-z0-9:]+>|AWS::SSM::Parameter::Value<.+>)$/;
const OUTPUT_KEYS = ['Description', 'Value', 'Export', 'Condition'];
const CONDITION_FUNCTIONS = [
  'Fn::And',
  'Fn::Equals',
  'Fn::If',
  'Fn::Not',
  'Fn::Or',
  'Condition',
  'Fn::Contains',
];

export function usesSamTransform(template: Record<string, unknown>): boolean {
  const t = template.Transform;
  return t === SAM_TRANSFORM || (Array.isArray(t) && t.includes(SAM_TRANSFORM));
}

export function checkStructure(ctx: LintContext): void {
  const t = ctx.template;
  for (const section of Object.keys(t)) {
    if (!SECTIONS.includes(section)) {
      ctx.report(
        'E1001',
        [section],
        `unknown top-level section ${show(section)}${didYouMean(section, SECTIONS)}`,
      );
    }
  }
  if (t.AWSTemplateFormatVersion !== undefined && String(t.AWSTemplateFormatVersion) !== '2010-09-09') {
    ctx.report(
      'E1001',
      ['AWSTemplateFormatVersion'],
      `AWSTemplateFormatVersion is ${show(t.AWSTemplateFormatVersion)}; the only version is "2010-09-09"`,
    );
  }
  if (t.Description !== undefined && typeof t.Description !== 'string') {
    ctx.report('E1001', ['Description'], `Description must be a string, got ${show(t.Description)}`);
  }
  checkTransform(ctx);
  if (t.Resources === undefined)
    ctx.report('E1001', [], 'the template has no Resources section; at least one resource is required');
  else if (!isObject(t.Resources) || Object.keys(t.Resources).length === 0) {
    ctx.report('E1001', ['Resources'], 'Resources must be a mapping with at least one resource');
  }
  for (const section of ['Parameters', 'Mappings', 'Conditions', 'Outputs', 'Globals']) {
    if (t[section] !== undefined && !isObject(t[section]))
      ctx.report('E1001', [section], `${section} must be a mapping`);
  }
  checkResources(ctx);
  checkParameters(ctx);
  checkConditions(ctx);
  checkOutputs(ctx);
}

function checkTransform(ctx: LintContext): void {
  const t = ctx.template.Transform;
  if (
    t !== undefined &&
    typeof t !== 'string' &&
    !(Array.isArray(t) && t.every((x) => typeof x === 'string' || isObject(x)))
  ) {
    ctx.report('E1005', ['Transform'], `Transform must be a name or a list of names, got ${show(t)}`);
  }
  if (ctx.template.Globals !== undefined && !usesSamTransform(ctx.template)) {
    ctx.report('E1001', ['Globals'], `the Globals section needs Transform: ${SAM_TRANSFORM}`);
  }
  if (usesSamTransform(ctx.template)) return;
  const sam = ctx.resources.find((r) => r.type.startsWith('AWS::Serverless::'));
  if (sam) {
    ctx.report(
      'E1005',
      ['Resources', sam.id, 'Type'],
      `${sam.id} is a ${sam.type}, which needs Transform: ${SAM_TRANSFORM}`,
    );
  }
}

function checkResources(ctx: LintContext): void {
  if (!isObject(ctx.template.Resources)) return;
  for (const [id, resource] of Object.entries(ctx.template.Resources)) {
    const at = ['Resources', id];
    if (!/^[A-Za-z0-9]+$/.test(id))
      ctx.report('E3001', at, `logical id ${show(id)} must be alphanumeric (A-Z, a-z, 0-9)`);
    if (!isObject(resource)) {
      ctx.report('E3001', at, `resource ${id} must be a mapping with a Type, got ${show(resource)}`);
      continue;
    }
    if (resource.Type === undefined) ctx.report('E3001', at, `resource ${id} has no Type`);
    else if (typeof resource.Type !== 'string')
      ctx.report(
        'E3001',
        [...at, 'Type'],
        `resource ${id}: Type must be a string, got ${show(resource.Type)}`,
      );
    const sam = typeof resource.Type === 'string' && resource.Type.startsWith('AWS::Serverless::');
    for (const key of Object.keys(resource)) {
      if (sam && SAM_RESOURCE_KEYS.includes(key)) continue;
      if (sam && key === 'Description') {
        ctx.report(
          'W3001',
          [...at, key],
          `resource ${id}: Description is not a resource attribute; the SAM transform drops it (put it under Properties where the type has one)`,
        );
      } else if (!RESOURCE_KEYS.includes(key)) {
        ctx.report(
          'E3001',
          [...at, key],
          `resource ${id}: unknown attribute ${show(key)}${didYouMean(key, RESOURCE_KEYS)}; allowed: ${RESOURCE_KEYS.join(', ')}`,
        );
      }
    }
    if (resource.Properties !== undefined && !isObject(resource.Properties)) {
      ctx.report(
        'E3001',
        [...at, 'Properties'],
        `resource ${id}: Properties must be a mapping, got ${show(resource.Properties)}`,
      );
    }
    for (const policy of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      const value = resource[policy];
      if (typeof value === 'string' && !DELETION_POLICIES.includes(value)) {
        ctx.report(
          'E3001',
          [...at, policy],
          `resource ${id}: ${policy} ${show(value)} is not one of ${oneOf(DELETION_POLICIES)}`,
        );
      }
    }
  }
}

function checkParameters(ctx: LintContext): void {
  const params = ctx.template.Parameters;
  if (!isObject(params)) return;
  const used = new Set(referencesIn({ ...ctx.template, Parameters: undefined }).map((r) => r.target));
  for (const [name, param] of Object.entries(params)) {
    const at = ['Parameters', name];
    if (!isObject(param)) {
      ctx.report('E2001', at, `parameter ${name} must be a mapping with a Type`);
      continue;
    }
    for (const key of Object.keys(param)) {
      if (!PARAMETER_KEYS.includes(key))
        ctx.report(
          'E2001',
          [...at, key],
          `parameter ${name}: unknown key ${show(key)}${didYouMean(key, PARAMETER_KEYS)}`,
        );
    }
    if (param.Type === undefined) ctx.report('E2001', at, `parameter ${name} has no Type`);
    else if (typeof param.Type !== 'string' || !PARAMETER_TYPES.test(param.Type)) {
      ctx.report(
        'E2001',
        [...at, 'Type'],
        `parameter ${name}: Type ${show(param.Type)} is not a parameter type (String, Number, CommaDelimitedList, List<Number>, AWS::…)`,
      );
    }
    if (
      Array.isArray(param.AllowedValues) &&
      param.Default !== undefined &&
      !param.AllowedValues.map(String).includes(String(param.Default))
    ) {
      ctx.report(
        'E2015',
        [...at, 'Default'],
        `parameter ${name}: Default ${show(param.Default)} is not one of its AllowedValues ${oneOf(param.AllowedValues.map(String))}`,
      );
    }
    if (!used.has(name)) ctx.report('W2001', at, `parameter ${name} is never used`);
  }
}

function checkConditions(ctx: LintContext): void {
  const conditions = ctx.template.Conditions;
  if (!isObject(conditions)) return;
  for (const [name, condition] of Object.entries(conditions)) {
    const key = isObject(condition) ? Object.keys(condition) : [];
    if (key.length !== 1 || !CONDITION_FUNCTIONS.includes(key[0])) {
      ctx.report(
        'E8001',
        ['Conditions', name],
        `condition ${name} must be one of ${CONDITION_FUNCTIONS.join(', ')}, got ${show(condition)}`,
      );
    }
  }
}

function checkOutputs(ctx: LintContext): void {
  const outputs = ctx.template.Outputs;
  if (!isObject(outputs)) return;
  for (const [name, output] of Object.entries(outputs)) {
    const at = ['Outputs', name];
    if (!isObject(output)) {
      ctx.report('E6001', at, `output ${name} must be a mapping with a Value`);
      continue;
    }
    if (output.Value === undefined) ctx.report('E6001', at, `output ${name} has no Value`);
    for (const key of Object.keys(output)) {
      if (!OUTPUT_KEYS.includes(key))
        ctx.report(
          'E6001',
          [...at, key],
          `output ${name}: unknown key ${show(key)}${didYouMean(key, OUTPUT_KEYS)}`,
        );
    }
    if (output.Export !== undefined && !(isObject(output.Export) && output.Export.Name !== undefined)) {
      ctx.report('E6001', [...at, 'Export'], `output ${name}: Export must be a mapping with a Name`);
    }
  }
}
