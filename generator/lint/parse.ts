/**
 * Template text → plain data (intrinsics in long form, as CloudFormation sees them) plus the
 * line and column of every key and item, so findings can point into the file. YAML with
 * CloudFormation's short-form tags and JSON both go through js-yaml (already part of every
 * wskit start-up, and quick to parse cold); its listener reports where each node starts.
 * Hostile input (binary, huge, deeply nested, alias bombs) is refused with a LintInputError.
 */
import { jsYaml } from '../template/js-yaml';
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

export const LIMITS = { bytes: 5 * 1024 * 1024, depth: 100, nodes: 500_000, flowDepth: 200 };

/** Short-form tags; all but Ref and Condition stand for `Fn::<name>`. */
const TAGS =
  'Ref Condition Base64 Cidr FindInMap GetAZs GetAtt If ImportValue Join Select Split Sub Transform And Equals Not Or Contains ToJsonString Length ForEach';

const longForm = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

const schema = jsYaml.CORE_SCHEMA.extend(
  TAGS.split(' ').flatMap((name) =>
    (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) =>
        new jsYaml.Type(`!${name}`, {
          kind,
          construct: (data: unknown) => {
            // `!GetAtt Resource.Attribute` is the only tag whose scalar form is split.
            if (name === 'GetAtt' && typeof data === 'string') {
              const dot = data.indexOf('.');
              return { 'Fn::GetAtt': dot < 0 ? [data] : [data.slice(0, dot), data.slice(dot + 1)] };
            }
            return { [longForm(name)]: data ?? '' };
          },
        }),
    ),
  ),
);

/** A node as js-yaml's listener reports it: where it starts, what it became, its tag and children. */
interface Node {
  start: number;
  result?: unknown;
  tag?: string | null;
  readonly children: Node[];
}

export function parseTemplate(text: string, fileName: string): ParsedTemplate {
  refuseHostileText(text, fileName);
  const root: Node = { start: 0, children: [] };
  const stack: Node[] = [root];
  let value: unknown;
  try {
    value = jsYaml.load(text, {
      schema,
      filename: fileName,
      listener(event, state) {
        if (event === 'open') {
          const node: Node = { start: state.position, children: [] };
          stack[stack.length - 1].children.push(node);
          stack.push(node);
        } else {
          const node = stack.pop() as Node;
          node.result = state.result;
          node.tag = (state as unknown as { tag: string | null }).tag;
        }
      },
    });
  } catch (error) {
    throw parseError(error, fileName);
  }
  checkSize(value, fileName);
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'a list' : value == null ? 'empty' : `a ${typeof value}`;
    throw new LintInputError(
      'E_LINT_NOT_A_TEMPLATE',
      `${fileName}: a template must be a mapping of sections, got ${kind}`,
      fileName,
    );
  }
  const positions = new Map<string, Position>();
  const top = root.children[0];
  if (top) new PositionWalker(text, positions).walk(top, value, '');
  return { value: value as Record<string, unknown>, positions };
}

function parseError(error: unknown, fileName: string): LintInputError {
  if (error instanceof RangeError) {
    return new LintInputError(
      'E_LINT_TOO_DEEP',
      `${fileName}: template is nested too deeply to parse`,
      fileName,
    );
  }
  if (error instanceof jsYaml.YAMLException) {
    const { line = 0, column = 0 } = error.mark ?? {};
    if (/nesting exceeded maxDepth/.test(error.reason)) {
      return new LintInputError(
        'E_LINT_TOO_DEEP',
        `${fileName}:${line + 1}:${column + 1}: template is nested more than ${LIMITS.depth} levels deep`,
        fileName,
      );
    }
    return new LintInputError(
      'E_LINT_PARSE',
      `${fileName}:${line + 1}:${column + 1}: cannot parse template: ${error.reason.replace(/!<(!?[^>]*)>/, '$1')}`,
      fileName,
    );
  }
  return new LintInputError(
    'E_LINT_PARSE',
    `${fileName}: cannot parse template: ${(error as Error).message}`,
    fileName,
  );
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
  if (maxFlow > LIMITS.flowDepth)
    refuse('E_LINT_TOO_DEEP', `template nests more than ${LIMITS.flowDepth} [ ] or { } levels`);
  if (/^ {400}/m.test(text)) refuse('E_LINT_TOO_DEEP', 'template is indented more than 400 columns deep');
}

/** Aliases share objects, so a small file can stand for a huge tree (a "YAML bomb"): count it expanded. */
function checkSize(value: unknown, fileName: string): void {
  let nodes = 0;
  const visit = (v: unknown, depth: number): void => {
    if (++nodes > LIMITS.nodes) {
      throw new LintInputError(
        'E_LINT_TOO_LARGE',
        `${fileName}: template expands to more than ${LIMITS.nodes} values (YAML aliases?)`,
        fileName,
      );
    }
    if (depth > LIMITS.depth) {
      throw new LintInputError(
        'E_LINT_TOO_DEEP',
        `${fileName}: template is nested more than ${LIMITS.depth} levels deep`,
        fileName,
      );
    }
    if (Array.isArray(v)) for (const item of v) visit(item, depth + 1);
    else if (v !== null && typeof v === 'object') for (const item of Object.values(v)) visit(item, depth + 1);
  };
  visit(value, 0);
}

class PositionWalker {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    private readonly positions: Map<string, Position>,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  walk(node: Node, value: unknown, path: string): void {
    const inner = unwrap(node);
    const tag = inner.tag;
    if (tag?.startsWith('!') && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // A short-form tag: the node's children belong to the intrinsic's argument.
      const [key] = Object.keys(value);
      const argPath = join(path, key);
      this.mark(argPath, inner);
      this.walkChildren(inner, (value as Record<string, unknown>)[key], argPath);
      return;
    }
    this.walkChildren(inner, value, path);
  }

  private walkChildren(node: Node, value: unknown, path: string): void {
    const children = node.children;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const child = children[i];
        if (!child) return;
        this.mark(join(path, String(i)), unwrap(child));
        this.walk(child, item, join(path, String(i)));
      });
    } else if (value !== null && typeof value === 'object') {
      for (let i = 0; i + 1 < children.length; i += 2) {
        const key = String(unwrap(children[i]).result);
        this.mark(join(path, key), unwrap(children[i]));
        this.walk(children[i + 1], (value as Record<string, unknown>)[key], join(path, key));
      }
    }
  }

  /** Records where a node's text starts: past the spaces, line breaks and comments before it. */
  private mark(path: string, node: Node): void {
    if (this.positions.has(path)) return;
    let offset = node.start;
    const text = this.text;
    while (offset < text.length) {
      const c = text[offset];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') offset++;
      else if (c === '#') offset = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
      else break;
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    this.positions.set(path, { line: low + 1, column: offset - this.lineStarts[low] + 1 });
  }
}

/** js-yaml reports some nodes twice (an outer call wrapping the real one): keep the innermost. */
function unwrap(node: Node): Node {
  let current = node;
  while (current.children.length === 1 && current.children[0].result === current.result)
    current = current.children[0];
  return current;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}/${key}`);
