/**
 * Route selection as API Gateway does it: evaluate `$request.body.<path>` on the message; JSON that
 * names no route, or a message that is not JSON, goes to `$default`; undefined when there is none.
 */

export function selectRoute(
  expression: string,
  body: string,
  routeKeys: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): string | undefined {
  // With only `$` routes there is nothing to select: skip parsing the message.
  const key = hasCustomRoutes(routeKeys) ? routeKeyOf(expression, body) : undefined;
  if (key !== undefined && routeKeys.has(key) && !key.startsWith('$')) return key;
  return routeKeys.has('$default') ? '$default' : undefined;
}

/** The value the selection expression picks from the message, as a string, or undefined. */
export function routeKeyOf(expression: string, body: string): string | undefined {
  const path = bodyPath(expression);
  if (!path) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const bodyPaths = new Map<string, readonly string[] | undefined>();

/** `$request.body.a.b` → `['a', 'b']`; worked out once per expression (a template has one or two). */
function bodyPath(expression: string): readonly string[] | undefined {
  if (bodyPaths.has(expression)) return bodyPaths.get(expression);
  const path = /^\$request\.body\.(.+)$/.exec(expression.trim())?.[1]?.split('.');
  if (bodyPaths.size < 100) bodyPaths.set(expression, path);
  return path;
}

const customRoutes = new WeakMap<object, boolean>();

function hasCustomRoutes(routeKeys: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
  let known = customRoutes.get(routeKeys);
  if (known === undefined) {
    known = [...routeKeys.keys()].some((key) => !key.startsWith('$'));
    customRoutes.set(routeKeys, known);
  }
  return known;
}
