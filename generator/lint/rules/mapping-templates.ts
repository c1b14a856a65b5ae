/**
 * Rule 4, mapping templates: every WebSocket request and response template parses as VTL, and a
 * request template rendered for a sample JSON message (quotes and an apostrophe included) is JSON,
 * or a valid form body when the integration sends it as `application/x-www-form-urlencoded`.
 */
import { substituteSubVariables } from '../../template/intrinsics';
import { FORM_PROBE_MESSAGE, formBodyProblem, sendsFormBody } from '../form-body';
import type { LintContext, Path, ResourceEntry } from '../types';
import { isObject, subParts } from '../values';
import { parseVtl, renderVtl, SAMPLE_MESSAGE } from '../vtl-sample';
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
    let rendered = '';
    let problem: string | undefined;
    try {
      rendered = renderVtl(text);
      if (body === 'json') JSON.parse(rendered);
      else problem = formBodyProblem(rendered, renderVtl(text, FORM_PROBE_MESSAGE));
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem === undefined) continue;
    const output = rendered.replace(/\s+/g, ' ').trim().slice(0, 120);
    const what =
      body === 'json'
        ? `renders invalid JSON for the message ${SAMPLE_MESSAGE}`
        : 'is sent as application/x-www-form-urlencoded but renders no valid form body';
    ctx.report(
      'E9016',
      path,
      `${resource.id}: ${property} ${JSON.stringify(key)} ${what}: ${problem}${output ? `; output: ${output}` : ''}`,
    );
  }
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
