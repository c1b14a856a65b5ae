/**
 * `${...}` outside Fn::Sub: CloudFormation substitutes variables only inside Fn::Sub, so
 * `!Join ['', ['wss://', !Ref Api, '.${AWS::URLSuffix}/']]` deploys with the literal text
 * `${AWS::URLSuffix}` in it. Only names Fn::Sub would resolve are reported (pseudo parameters,
 * parameters, resources and their attributes), so shell, IAM policy and VTL variables pass.
 * Code, scripts and commands (ZipFile, InlineCode, UserData, BuildSpec, ...) are not looked into,
 * and a state machine's own DefinitionSubstitutions count as substitution.
 * In Outputs it is a warning (W1029): the stack deploys and runs, only the text people read is wrong.
 */
import { show } from '../../errors';
import type { LintContext, Path } from '../types';
import { intrinsicName, isObject, type Obj } from '../values';
import { PSEUDO_PARAMETERS } from './intrinsics';

/** Properties holding code, scripts or commands, where `${...}` belongs to another language. */
const OPAQUE_KEYS = new Set([
  'ZipFile',
  'InlineCode',
  'FunctionCode',
  'UserData',
  'BuildSpec',
  'Command',
  'EntryPoint',
  'Description',
  'AWS::CloudFormation::Init',
]);
const DEFINITIONS = new Set(['Definition', 'DefinitionString']);
const VARIABLE = /\$\{(?!!)([^}]*)\}/g;

export function checkSubNeeded(ctx: LintContext): void {
  const names = new Set<string>(PSEUDO_PARAMETERS);
  for (const name of Object.keys(isObject(ctx.template.Parameters) ? ctx.template.Parameters : {}))
    names.add(name);
  for (const r of ctx.resources) names.add(r.id);
  const resolvable = (variable: string) => names.has(variable) || names.has(variable.split('.')[0]);
  for (const r of ctx.resources) {
    const substitutions = r.properties.DefinitionSubstitutions;
    const substituted = new Set(isObject(substitutions) ? Object.keys(substitutions) : []);
    walk(ctx, 'E1029', r.properties, ['Resources', r.id, 'Properties'], (variable, path) => {
      if (path.some((p) => DEFINITIONS.has(String(p))) && substituted.has(variable)) return false;
      return resolvable(variable);
    });
  }
  for (const [section, code] of [
    ['Outputs', 'W1029'],
    ['Globals', 'E1029'],
  ] as const) {
    const value = ctx.template[section];
    if (isObject(value)) walk(ctx, code, value, [section], resolvable);
  }
}

function walk(
  ctx: LintContext,
  code: 'E1029' | 'W1029',
  value: unknown,
  path: Path,
  reportable: (v: string, p: Path) => boolean,
): void {
  if (typeof value === 'string') {
    const variables = [...value.matchAll(VARIABLE)]
      .map((m) => m[1].trim())
      .filter((v) => reportable(v, path));
    if (variables.length > 0) {
      const shown = variables.map((v) => `\${${v}}`).join(', ');
      ctx.report(
        code,
        path,
        `${show(value.length > 80 ? `${value.slice(0, 77)}...` : value)} has ${shown} outside Fn::Sub, so it stays literal text; write the string with !Sub`,
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      walk(ctx, code, item, [...path, i], reportable);
    });
    return;
  }
  if (!isObject(value)) return;
  const fn = intrinsicName(value);
  if (fn === 'Fn::Sub' || fn === 'Fn::Transform') return;
  for (const [key, child] of Object.entries(value as Obj)) {
    // `Code` is source text for AppSync resolvers and functions (Lambda's is a mapping, walked).
    if (OPAQUE_KEYS.has(key) || (key === 'Code' && typeof child === 'string')) continue;
    walk(ctx, code, child, [...path, key], reportable);
  }
}
