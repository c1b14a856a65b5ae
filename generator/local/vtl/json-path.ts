/** The JSONPath subset API Gateway's `$input.path()` and `$input.json()` take: `$`, `.name`, `['name']`, `[0]`, `[*]`. */

export function jsonPath(root: unknown, path: string): unknown {
  const tokens = tokenize(path);
  let current: unknown[] = [root];
  let many = false;
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (token === '*') {
        next.push(...Object.values(value));
        many = true;
      } else if (token in value) {
        next.push((value as Record<string, unknown>)[token]);
      }
    }
    current = next;
  }
  return many ? current : current[0];
}

function tokenize(path: string): string[] {
  const tokens: string[] = [];
  const pattern =
    /\.([^.[\]]+)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]|\[\s*(\d+|\*)\s*\]/gy;
  const body = path.trim().replace(/^\$/, '');
  pattern.lastIndex = 0;
  while (pattern.lastIndex < body.length) {
    const match = pattern.exec(body);
    if (!match) throw new Error(`unsupported JSONPath ${JSON.stringify(path)}`);
    tokens.push((match[1] ?? match[2] ?? match[3] ?? match[4]) as string);
  }
  return tokens;
}
