/**
 * Template text → plain data (intrinsics in long form, as CloudFormation sees them) plus the
 * line and column of every key and item, so findings can point into the file. YAML with
 * CloudFormation's short-form tags and JSON both go through the `yaml` package's document API.
 * Hostile input (binary, huge, deeply nested, alias bombs) is refused with a LintInputError.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { LintInputError } from './errors';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface ParsedTemplate {
  readonly value: Record<string, unknown>;
  /** Position of each key or item, keyed by its path joined with `/` (the root is ``). */
  readonly positions: ReadonlyMap<string, Position>;
}

export const LIMITS = { bytes: 5 * 1024 * 1024, depth: 100, nodes: 500_000, indent: 400, flowDepth: 200 };

/** Short-form tags and the long form they stand for. */
const FN_TAGS = new Set(
  'Base64 Cidr FindInMap GetAZs If ImportValue Join Select Split Sub Transform And Equals Not Or ToJsonString Length ForEach'.split(
    ' ',
  ),
);

export function parseTemplate(text: string, fileName: string): ParsedTemplate {
  refuseHostileText(text, fileName);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new LintInputError(
      'E_LINT_PARSE',
      `${fileName}:${line}:${col}: cannot parse template: ${reason}`,
      fileName,
    );
  }
  const positions = new Map<string, Position>();
  const walker = new Walker(doc, lineCounter, positions, fileName);
  const value = walker.toJs(doc.contents, '', 0);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'a list' : value === null ? 'empty' : `a ${typeof value}`;
    throw new LintInputError(
      'E_LINT_NOT_A_TEMPLATE',
      `${fileName}: a template must be a mapping of sections, got ${kind}`,
      fileName,
    );
  }
  return { value: value as Record<string, unknown>, positions };
}

function refuseHostileText(text: string, fileName: string): void {
  const refuse = (code: string, why: string) => {
    throw new LintInputError(code, `${fileName}: ${why}`, fileName);
  };
  if (text.length > LIMITS.bytes)
    refuse('E_LINT_TOO_LARGE', `template is larger than ${LIMITS.bytes / 1024 / 1024} MB`);
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    refuse('E_LINT_BINARY', 'file is binary, not a YAML or JSON template');
  // The parser recurses per nesting level: refuse absurd nesting before it runs out of stack.
  let flow = 0;
  let maxFlow = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) maxFlow = Math.max(maxFlow, ++flow);
    else if (c === 93 || c === 125) flow--;
  }
  if (maxFlow > LIMITS.flowDepth || /^ {400}/m.test(text))
    refuse('E_LINT_TOO_DEEP', `template is nested more than ${LIMITS.depth} levels deep`);
}

class Walker {
  private nodes = 0;

  constructor(
    private readonly doc: ReturnType<typeof parseDocument>,
    private readonly lines: LineCounter,
    private readonly positions: Map<string, Position>,
    private readonly fileName: string,
  ) {}

  toJs(node: unknown, path: string, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (++this.nodes > LIMITS.nodes)
      this.refuse('E_LINT_TOO_LARGE', `template expands to more than ${LIMITS.nodes} values (YAML aliases?)`);
    if (depth > LIMITS.depth)
      this.refuse('E_LINT_TOO_DEEP', `template is nested more than ${LIMITS.depth} levels deep`);
    if (isAlias(node)) return this.toJs(node.resolve(this.doc), path, depth + 1);
    const plain = this.plain(node as Node, path, depth);
    const tag = (node as Node).tag;
    return tag?.startsWith('!') && !tag.startsWith('!!')
      ? this.intrinsic(tag.slice(1), plain, node as Node, path)
      : plain;
  }

  private plain(node: Node, path: string, depth: number): unknown {
    if (isScalar(node)) return node.value;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const keyPath = join(path, key);
        this.mark(keyPath, (pair.key as Node | null)?.range?.[0]);
        out[key] = this.toJs(pair.value, keyPath, depth + 1);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        this.mark(join(path, String(i)), (item as Node | null)?.range?.[0]);
        return this.toJs(item, join(path, String(i)), depth + 1);
      });
    }
    return null;
  }

  /** `!Ref x` → `{Ref: x}`, `!GetAtt a.b` → `{'Fn::GetAtt': ['a', 'b']}`, `!Sub s` → `{'Fn::Sub': s}`. */
  private intrinsic(name: string, value: unknown, node: Node, path: string): unknown {
    const here = node.range?.[0];
    if (name === 'Ref' || name === 'Condition') {
      this.mark(join(path, name), here);
      return { [name]: value };
    }
    if (name === 'GetAtt' || FN_TAGS.has(name)) {
      const key = `Fn::${name}`;
      this.mark(join(path, key), here);
      if (name === 'GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
      }
      return { [key]: value };
    }
    const { line, col } = this.lines.linePos(here ?? 0);
    return this.refuse('E_LINT_PARSE', `cannot parse template: unknown tag !${name}`, `:${line}:${col}`);
  }

  private mark(path: string, offset: number | undefined): void {
    if (offset === undefined) return;
    const { line, col } = this.lines.linePos(offset);
    this.positions.set(path, { line, column: col });
  }

  private refuse(code: string, why: string, where = ''): never {
    throw new LintInputError(code, `${this.fileName}${where}: ${why}`, this.fileName);
  }
}

const join = (path: string, key: string) => (path === '' ? key : `${path}/${key}`);
