/**
 * Rule 4, mapping templates: every WebSocket request and response template parses as VTL, and a
 * request template renders JSON, or a valid form body when the integration sends it as
 * `application/x-www-form-urlencoded`. A template that fails for a plain message fails for every
 * message: an error (E9016). One that fails only for a message holding quotes, an apostrophe or a
 * backslash (JSON), or `&`, `=` or `%` (a form body), works until a client sends one: a warning
 * (W9017), as API Gateway deploys it and the app's usual messages go through.
 */
import { substituteSubVariables } from '../../template/intrinsics';
import { FORM_PROBE_MESSAGE, formBodyProblem, sendsFormBody } from '../form-body';
import type { LintContext, Path, ResourceEntry } from '../types';
import { isObject, subParts } from '../values';
import { PLAIN_MESSAGE, parseVtl, renderVtl, SAMPLE_MESSAGE } from '../vtl-sample';
import { webSocketApis } from './websocket-model';

export function checkMappingTemplates(ctx: LintContext): void {
  for (const ws of webSocketApis(ctx)) {
    for (const integration of ws.integrations) {
      const body = sendsFormBody(integration.properties) ? 'form' : 'json';
      checkTemplates(ctx, integration, 'RequestTemplates', body);
    }
    for (const response of ws.integrationResponses) checkTemplates(ctx, response, 'ResponseTemplates', 'any');
  }
}

function checkTemplates(
  ctx: LintContext,
  resource: ResourceEntry,
  property: string,
  body: 'json' | 'form' | 'any',
): void {
  const templates = resource.properties[property];
  if (!isObject(templates)) return;
  for (const [key, value] of Object.entries(templates)) {
    const path: Path = ['Resources', resource.id, 'Properties', property, key];
    const text = templateText(value);
    if (text === undefined) continue;
    try {
      parseVtl(text);
    } catch (error) {
      ctx.report(
        'E9015',
        path,
        `${resource.id}: ${property} ${JSON.stringify(key)} is not valid VTL: ${(error as Error).message.replace(/\s+/g, ' ').trim()}`,
      );
      continue;
    }
    if (body === 'any') continue;
    reportRendering(
      ctx,
      resource,
      property,
      key,
      path,
      body === 'form' ? formProblems(text) : jsonProblems(text),
    );
  }
}

interface Problem {
  readonly problem: string;
  readonly rendered: string;
  /** The message it was rendered for, when only messages like it break the template. */
  readonly tricky?: string;
}

function jsonProblems(text: string): Problem | undefined {
  for (const message of [PLAIN_MESSAGE, SAMPLE_MESSAGE]) {
    const result = attempt(
      () => renderVtl(text, message),
      (rendered) => void JSON.parse(rendered),
    );
    if (result) return message === PLAIN_MESSAGE ? result : { ...result, tricky: message };
  }
  return undefined;
}

function formProblems(text: string): Problem | undefined {
  const plain = attempt(
    () => renderVtl(text, PLAIN_MESSAGE),
    (rendered) => formBodyProblem(rendered, rendered),
  );
  if (plain) return plain;
  const probed = attempt(
    () => renderVtl(text, PLAIN_MESSAGE),
    (rendered) => formBodyProblem(rendered, renderVtl(text, FORM_PROBE_MESSAGE)),
  );
  return probed && { ...probed, tricky: FORM_PROBE_MESSAGE };
}

/** Renders, then checks; a throw of either is the problem. */
function attempt(render: () => string, check: (rendered: string) => string | undefined): Problem | undefined {
  let rendered = '';
  try {
    rendered = render();
    const problem = check(rendered);
    return problem === undefined ? undefined : { problem, rendered };
  } catch (error) {
    return { problem: (error as Error).message, rendered };
  }
}

function reportRendering(
  ctx: LintContext,
  resource: ResourceEntry,
  property: string,
  key: string,
  path: Path,
  found: Problem | undefined,
): void {
  if (!found) return;
  const output = found.rendered.replace(/\s+/g, ' ').trim().slice(0, 120);
  const form = sendsFormBody(resource.properties);
  const what = form
    ? 'is sent as application/x-www-form-urlencoded but renders no valid form body'
    : 'renders invalid JSON';
  // A form body's problem already names the message that breaks it.
  const forMessage = found.tricky
    ? `${form ? '' : ` for a message like ${found.tricky}`} (a plain message works)`
    : form
      ? ''
      : ` for the message ${PLAIN_MESSAGE}`;
  ctx.report(
    found.tricky ? 'W9017' : 'E9016',
    path,
    `${resource.id}: ${property} ${JSON.stringify(key)} ${what}${forMessage}: ${found.problem}${output ? `; output: ${output}` : ''}`,
  );
}

/** A template's text with Fn::Sub variables replaced by plausible values; undefined when computed otherwise. */
function templateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value) || !('Fn::Sub' in value)) return undefined;
  const { text } = subParts(value['Fn::Sub']);
  return text === undefined
    ? undefined
    : substituteSubVariables(text, (name) => `sample-${name.replace(/[^\w]/g, '-')}`);
}
