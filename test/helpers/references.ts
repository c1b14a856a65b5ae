/**
 * Every name a template refers to (Ref, GetAtt, Sub variables, DependsOn, Condition), with where.
 * Used to check that generated templates point only at things that exist.
 */
import type { Template } from '../../generator/template/types';

export interface Reference {
  readonly kind: 'Ref' | 'GetAtt' | 'Sub' | 'DependsOn' | 'Condition';
  readonly target: string;
  readonly at: string;
}

export function references(template: Template): Reference[] {
  const found: Reference[] = [];
  const walk = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, `${at}/${i}`);
      });
      return;
    }
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value);
    const [key, argument] = entries.length === 1 ? (entries[0] as [string, unknown]) : [];
    if (key === 'Ref') {
      found.push({ kind: 'Ref', target: String(argument), at });
    } else if (key === 'Fn::GetAtt') {
      found.push({ kind: 'GetAtt', target: String((argument as string[])[0]), at });
    } else if (key === 'Fn::Sub') {
      const [text, variables = {}] = Array.isArray(argument) ? argument : [argument];
      for (const match of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = String(match[1]).split('.')[0] as string;
        if (!(name in (variables as object))) found.push({ kind: 'Sub', target: name, at });
      }
      walk(variables, at);
    } else {
      for (const [k, v] of entries) walk(v, `${at}/${k}`);
    }
  };
  for (const [id, resource] of Object.entries(template.Resources)) {
    walk(resource.Properties, `Resources/${id}`);
    for (const target of [resource.DependsOn ?? []].flat())
      found.push({ kind: 'DependsOn', target, at: `Resources/${id}` });
    if (resource.Condition)
      found.push({ kind: 'Condition', target: resource.Condition, at: `Resources/${id}` });
  }
  walk(template.Outputs, 'Outputs');
  walk(template.Conditions, 'Conditions');
  return found;
}

/** References whose target is neither a resource, a parameter, a condition nor a pseudo parameter. */
export function danglingReferences(template: Template): Reference[] {
  const resources = new Set(Object.keys(template.Resources));
  const parameters = new Set(Object.keys(template.Parameters ?? {}));
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  return references(template).filter(({ kind, target }) => {
    if (kind === 'Condition') return !conditions.has(target);
    if (kind === 'DependsOn' || kind === 'GetAtt') return !resources.has(target);
    return !(resources.has(target) || parameters.has(target) || target.startsWith('AWS::'));
  });
}
