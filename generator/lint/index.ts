/**
 * `wskit lint` as a library: template text in, findings out, in file order. Synchronous and
 * quick to load: the resource specification is read per service namespace on first use, and the
 * VTL and ASL checkers load only for templates that have mapping templates or state machines.
 *
 * @example
 *   const findings = lintTemplateText(text, 'my-api/template.yml', { baseDir: 'my-api' });
 *   if (findings.some((f) => f.severity === 'error')) ...
 */
import { cdkOwnedIds, withoutCdkOwnedNotes } from './cdk';
import { parseTemplate } from './parse';
import { RULES } from './rules';
import { checkWebSocketDeployment } from './rules/websocket-deploy';
import { checkLambdaPermissions } from './rules/websocket-lambda';
import { checkWebSocketRoutes } from './rules/websocket-routes';
import { webSocketContext } from './sam-websocket-context';
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
  const resources = resourceEntries(value);
  const context: LintContext = {
    template: value,
    resources,
    byId: new Map(resources.map((r) => [r.id, r])),
    fileName,
    baseDir: options.baseDir,
    now: options.now ?? new Date(),
    aslValidator: options.aslValidator ?? false,
    positionOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const position = positions.get(path.slice(0, n).join('/'));
        if (position) return position;
      }
      return { line: 1, column: 1 };
    },
    report(code, path, message) {
      const key = `${code}\0${path.join('/')}\0${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      const { line, column } = this.positionOf(path);
      findings.push({ code, severity: severityOf(code), message, path: path.join('/'), line, column });
    },
  };
  for (const rule of RULES) rule(WEBSOCKET_RULES.has(rule) ? webSocketContext(context) : context);
  const ignored = options.ignoreChecks ?? [];
  return withoutCdkOwnedNotes(findings, cdkOwnedIds(resources))
    .filter((f) => !ignored.some((prefix) => prefix !== '' && f.code.startsWith(prefix)))
    .sort(
      (a, b) =>
        a.line - b.line ||
        a.column - b.column ||
        a.code.localeCompare(b.code) ||
        a.path.localeCompare(b.path),
    );
}

/** Rules about WebSocket wiring read AWS::Serverless::WebSocketApi as the resources it becomes. */
const WEBSOCKET_RULES = new Set([checkWebSocketRoutes, checkWebSocketDeployment, checkLambdaPermissions]);

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
