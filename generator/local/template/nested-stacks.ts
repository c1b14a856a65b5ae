/**
 * Nested stacks (`AWS::CloudFormation::Stack`) as one template, so the emulator runs a parent and its
 * children as one app. CloudFormation passes the stack resource's `Parameters` down and lets the
 * parent read the child's `Outputs.X` back with Fn::GetAtt; here each child's resources join the
 * parent's with the stack's logical id as prefix, its parameters become the parent's expressions,
 * and `Outputs.X` becomes the child's output value. Pure: the caller reads the child templates.
 */
import type { Json, Resource, Template } from '../../template/types';

/** A nested stack's template, or undefined when it is not on this machine (a TemplateURL in S3). */
export type NestedTemplateReader = (logicalId: string, resource: Resource) => Template | undefined;

/** `template` with every nested stack it can read merged in (nested stacks of nested stacks too). */
export function flattenNestedStacks(template: Template, read: NestedTemplateReader): Template {
  let result = template;
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::CloudFormation::Stack') continue;
    const child = read(id, resource);
    if (child) result = mergeChild(result, id, flattenNestedStacks(child, read));
  }
  return result;
}

/** How a template's references read once merged: each hook returns the expression to use instead. */
interface Scope {
  ref(name: string): Json;
  getAtt(id: string, attribute: string): Json;
  name(kind: 'condition' | 'mapping', name: string): string;
}

type Props = Record<string, Json>;

function mergeChild(parent: Template, stackId: string, child: Template): Template {
  const stack = parent.Resources[stackId] as Resource;
  const passed = (stack.Properties?.Parameters ?? {}) as Props;
  const prefixed = (name: string) => `${stackId}${name}`;
  const leftover: NonNullable<Template['Parameters']> = {};
  const values: Props = {};
  for (const [name, parameter] of Object.entries(child.Parameters ?? {})) {
    if (passed[name] !== undefined) values[name] = passed[name] as Json;
    else if (parameter.Default !== undefined) values[name] = String(parameter.Default);
    else leftover[prefixed(name)] = parameter; // still without a value: the parent's placeholder
  }
  const inChild: Scope = {
    ref: (name) =>
      name.startsWith('AWS::')
        ? { Ref: name }
        : (values[name] ?? {
            Ref: name in (child.Parameters ?? {}) || child.Resources[name] ? prefixed(name) : name,
          }),
    getAtt: (id, attribute) => ({ 'Fn::GetAtt': [prefixed(id), attribute] }),
    name: (_, name) => prefixed(name),
  };
  const outputs = Object.fromEntries(
    Object.entries(child.Outputs ?? {}).map(([name, output]) => [
      name,
      rewrite(output.Value as Json, inChild),
    ]),
  );
  const inParent: Scope = {
    ref: (name) => (name === stackId ? stackId : { Ref: name }), // a stack's id is read by nothing local
    getAtt: (id, attribute) =>
      id === stackId && attribute.startsWith('Outputs.') && outputs[attribute.slice(8)] !== undefined
        ? (outputs[attribute.slice(8)] as Json)
        : { 'Fn::GetAtt': [id, attribute] },
    name: (_, name) => name,
  };
  const parentResources = Object.entries(parent.Resources).filter(([id]) => id !== stackId);
  const childResources = Object.entries(child.Resources).map(([id, resource]): [string, Resource] => [
    prefixed(id),
    rewriteResource(resource, inChild, prefixed),
  ]);
  return {
    ...parent,
    Parameters: { ...parent.Parameters, ...leftover },
    Conditions: { ...parent.Conditions, ...renamed(child.Conditions, prefixed, inChild) },
    Mappings: { ...parent.Mappings, ...renamed(child.Mappings, prefixed) },
    Resources: Object.fromEntries([
      ...parentResources.map(([id, resource]): [string, Resource] => [
        id,
        rewriteResource(resource, inParent, (name) => name),
      ]),
      ...childResources,
    ]),
  };
}

function renamed(section: Props | undefined, rename: (name: string) => string, scope?: Scope): Props {
  return Object.fromEntries(
    Object.entries(section ?? {}).map(([name, value]) => [
      rename(name),
      scope ? rewrite(value, scope) : value,
    ]),
  );
}

function rewriteResource(resource: Resource, scope: Scope, rename: (name: string) => string): Resource {
  const dependsOn = resource.DependsOn;
  return {
    ...resource,
    ...(resource.Condition ? { Condition: scope.name('condition', resource.Condition) } : {}),
    ...(dependsOn ? { DependsOn: Array.isArray(dependsOn) ? dependsOn.map(rename) : rename(dependsOn) } : {}),
    ...(resource.Properties ? { Properties: rewrite(resource.Properties, scope) as Props } : {}),
  };
}

const isMap = (value: Json): value is Props =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with every Ref, GetAtt, Sub variable, condition and mapping name read through `scope`. */
function rewrite(value: Json, scope: Scope): Json {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, scope));
  if (!isMap(value)) return value;
  const [key, ...others] = Object.keys(value);
  const arg = value[key as string] as Json;
  if (key !== undefined && others.length === 0) {
    if (key === 'Ref' && typeof arg === 'string') return scope.ref(arg);
    if (key === 'Fn::GetAtt') {
      const [id, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/s);
      return scope.getAtt(String(id), String(attribute));
    }
    if (key === 'Condition' && typeof arg === 'string') return { Condition: scope.name('condition', arg) };
    if (key === 'Fn::If' && Array.isArray(arg)) {
      const [condition, ...branches] = arg;
      return {
        'Fn::If': [scope.name('condition', String(condition)), ...branches.map((b) => rewrite(b, scope))],
      };
    }
    if (key === 'Fn::FindInMap' && Array.isArray(arg) && typeof arg[0] === 'string') {
      const [map, ...keys] = arg;
      return { 'Fn::FindInMap': [scope.name('mapping', map), ...keys.map((k) => rewrite(k, scope))] };
    }
    if (key === 'Fn::Sub') return rewriteSub(arg, scope);
  }
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, rewrite(item, scope)]));
}

/** Fn::Sub: `${Name}` and `${Id.Attribute}` renamed, or made variables when they became expressions. */
function rewriteSub(arg: Json, scope: Scope): Json {
  const [text, given] = Array.isArray(arg) ? [String(arg[0]), (arg[1] ?? {}) as Props] : [String(arg), {}];
  const variables: Props = Object.fromEntries(
    Object.entries(given).map(([name, value]) => [name, rewrite(value, scope)]),
  );
  const out = text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    const key = name.trim();
    if (key.startsWith('!') || key in given || key.startsWith('AWS::')) return whole;
    const [id, attribute] = key.split(/\.(.*)/s);
    const replacement = attribute ? scope.getAtt(String(id), attribute) : scope.ref(key);
    const inline = subReference(replacement);
    if (inline) return `\${${inline}}`;
    const variable = `Nested${Object.keys(variables).length}`;
    variables[variable] = replacement;
    return `\${${variable}}`;
  });
  return Object.keys(variables).length > 0 ? { 'Fn::Sub': [out, variables] } : { 'Fn::Sub': out };
}

/** What a Sub string can name in place: a Ref's name or a GetAtt's `Id.Attribute`. */
function subReference(value: Json): string | undefined {
  if (!isMap(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  return Array.isArray(getAtt) && getAtt.every((part) => typeof part === 'string')
    ? getAtt.join('.')
    : undefined;
}
