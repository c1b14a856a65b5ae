/**
 * `wskit lint` as a library: template text in, findings out, in file order. Sections and each
 * resource's own properties are checked as written; references, routes and permissions on the
 * template as the SAM transform leaves it (AWS::Serverless::WebSocketApi expanded), with findings on
 * generated resources placed where the source form declares them. Synchronous and quick to load: the resource specification is read per service namespace on first use, and the
 * VTL and ASL checkers load only for templates that have mapping templates or state machines.
 *
 * @example
 *   const findings = lintTemplateText(text, 'my-api/template.yml', { baseDir: 'my-api' });
 *   if (findings.some((f) => f.severity === 'error')) ...
 */

import { TemplateError } from '../template/errors';
import { expandWebSocketApisTraced } from '../template/sam-websocket';
import type { Template } from '../template/types';
import { parseTemplate } from './parse';
import { EXPANDED_RULES, SOURCE_RULES } from './rules';
import type { Finding, LintContext, Path, ResourceEntry, Severity } from './types';
import { isObject } from './values';

export { LintInputError } from './errors';
export type { Finding, Severity } from './types';

export interface LintOptions {
  /** Folder relative file references (a state machine's DefinitionUri) resolve against. */
  readonly baseDir?: string;
  /** Rule codes, or code prefixes such as `W` or `E30`, whose findings are dropped. */
  readonly ignoreChecks?: readonly string[];
  /** Date for date-dependent rules (runtime deprecation); defaults to now. */
  readonly now?: Date;
  /**
   * Also run the asl-validator package (the full ASL JSON schema) on state machine definitions.
   * Off by default: it compiles its schemas on every call (0.1–0.4 s), while the built-in
   * structural ASL checks always run and take microseconds.
   */
  readonly aslValidator?: boolean;
}

/** Lints one template. Throws LintInputError (exit status 1) when the text cannot be parsed. */
export function lintTemplateText(text: string, fileName: string, options: LintOptions = {}): Finding[] {
  const { value, positions } = parseTemplate(text, fileName);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const positionOf = (path: Path) => {
    for (let n = path.length; n >= 0; n--) {
      const position = positions.get(path.slice(0, n).join('/'));
      if (position) return position;
    }
    return { line: 1, column: 1 };
  };
  const contextOf = (template: Record<string, unknown>, origins: Origins = {}): LintContext => {
    const resources = resourceEntries(template);
    return {
      template,
      resources,
      byId: new Map(resources.map((r) => [r.id, r])),
      fileName,
      baseDir: options.baseDir,
      now: options.now ?? new Date(),
      aslValidator: options.aslValidator ?? false,
      // A resource the SAM transform generates is reported where the source form declares it.
      positionOf: (path) => positionOf(sourcePath(path, origins)),
      report(code, path, message) {
        const key = `${code}\0${path.join('/')}\0${message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const { line, column } = this.positionOf(path);
        findings.push({ code, severity: severityOf(code), message, path: path.join('/'), line, column });
      },
    };
  };
  const source = contextOf(value);
  for (const rule of SOURCE_RULES) rule(source);
  const expanded = expandSamForms(value, source);
  if (expanded) {
    const context = contextOf(expanded.template, expanded.origins);
    for (const rule of EXPANDED_RULES) rule(context);
  }
  const ignored = options.ignoreChecks ?? [];
  return findings
    .filter((f) => !ignored.some((prefix) => prefix !== '' && f.code.startsWith(prefix)))
    .sort(
      (a, b) =>
        a.line - b.line ||
        a.column - b.column ||
        a.code.localeCompare(b.code) ||
        a.path.localeCompare(b.path),
    );
}

type Origins = Readonly<Record<string, readonly string[]>>;

const sourcePath = (path: Path, origins: Origins): Path => {
  const origin = path[0] === 'Resources' ? origins[String(path[1])] : undefined;
  return origin ?? path;
};

/**
 * The template as the SAM transform leaves it (AWS::Serverless::WebSocketApi expanded), for the
 * rules about references, routes and permissions; undefined, with an E0001 finding, when the
 * transform would refuse it.
 */
function expandSamForms(
  template: Record<string, unknown>,
  context: LintContext,
): { template: Record<string, unknown>; origins: Origins } | undefined {
  if (!isObject(template.Resources)) return { template, origins: {} };
  try {
    const expanded = expandWebSocketApisTraced(template as unknown as Template);
    return { template: expanded.template as unknown as Record<string, unknown>, origins: expanded.origins };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    context.report('E0001', error.segments, error.message);
    return undefined;
  }
}

function severityOf(code: string): Severity {
  return code.startsWith('E') ? 'error' : code.startsWith('W') ? 'warning' : 'info';
}

function resourceEntries(template: Record<string, unknown>): ResourceEntry[] {
  const resources = template.Resources;
  if (!isObject(resources)) return [];
  return Object.entries(resources).flatMap(([id, raw]) =>
    isObject(raw) && typeof raw.Type === 'string'
      ? [{ id, type: raw.Type, properties: isObject(raw.Properties) ? raw.Properties : {}, raw }]
      : [],
  );
}

export type { Path };
