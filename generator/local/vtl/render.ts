/**
 * Mapping templates as API Gateway renders them: Velocity with `$input`, `$util`, `$context` and
 * Java string methods. Each template is parsed once and rendered many times.
 */
import { Compile, parse } from 'velocityjs';
import { javaStringHandlers } from './java-methods';
import { jsonPath } from './json-path';
import { makeUtil } from './util';

export interface RenderInput {
  /** The message (request templates) or the service's response body (integration response templates). */
  readonly body: string;
  /** `body` already parsed, when the caller has it as data (`$input.path` and `$input.json` read it). */
  readonly parsedBody?: unknown;
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables?: Readonly<Record<string, string>>;
  /** Header and query string parameters, only known on `$connect`. */
  readonly params?: {
    readonly header?: Record<string, string>;
    readonly querystring?: Record<string, string>;
  };
}

export type RenderTemplate = (input: RenderInput) => string;

type Ast = Parameters<Compile['getExpression']>[0];

/**
 * Velocity runs on Java numbers: `/` on two integers is integer division, so
 * `$context.requestTimeEpoch / 1000` is whole seconds (a DynamoDB TTL). JavaScript has one number
 * type, so two whole operands stand for Java integers here.
 */
class JavaArithmetic extends Compile {
  override getExpression(ast: Ast): string {
    if (ast.type === 'math' && ast.operator === '/') {
      // velocityjs types the result as string; math results are numbers at run time.
      const [left, right] = (ast.expression as Ast[]).map(
        (operand) => this.getExpression(operand) as unknown,
      );
      if (Number.isInteger(left) && Number.isInteger(right) && right !== 0) {
        return Math.trunc((left as number) / (right as number)) as unknown as string;
      }
    }
    return super.getExpression(ast);
  }
}

export function compileTemplate(text: string): RenderTemplate {
  const compiled = new JavaArithmetic(parse(text), {
    escape: false,
    customMethodHandlers: javaStringHandlers,
  });
  return (input) =>
    compiled.render({
      input: makeInput(input),
      util: makeUtil(),
      context: input.context,
      stageVariables: input.stageVariables ?? {},
    });
}

/** Caches compiled templates by their text. */
export class TemplateCache {
  private readonly compiled = new Map<string, RenderTemplate>();

  get(text: string): RenderTemplate {
    let render = this.compiled.get(text);
    if (!render) {
      render = compileTemplate(text);
      this.compiled.set(text, render);
    }
    return render;
  }
}

function makeInput({ body, parsedBody, params = {} }: RenderInput) {
  let parsed = parsedBody;
  let parsedOnce = parsedBody !== undefined;
  const root = () => {
    if (!parsedOnce) {
      parsedOnce = true;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = undefined;
      }
    }
    return parsed;
  };
  const all = { path: {}, querystring: { ...params.querystring }, header: { ...params.header } };
  return {
    body,
    path: (path: string) => jsonPath(root(), path),
    json: (path: string) => JSON.stringify(jsonPath(root(), path) ?? null),
    params: (name?: string) => {
      if (name === undefined) return all;
      return all.path[name as never] ?? all.querystring[name] ?? all.header[name] ?? '';
    },
  };
}
