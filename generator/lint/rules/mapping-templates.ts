/**
 * Rule 4, mapping templates: every WebSocket request and response template parses as VTL, and a
 * request template rendered for a sample JSON message (quotes and an apostrophe included) is JSON.
 */
import { substituteSubVariables } from '../../template/intrinsics';
import type { LintContext, Path, ResourceEntry } from '../types';
import { isObject, subParts } from '../values';
import { parseVtl, renderVtl, SAMPLE_MESSAGE } from '../vtl-sample';
import { webSocketApis } from './websocket-model';

export function checkMappingTemplates(ctx: LintContext): void {
  for (const ws of webSocketApis(ctx)) {
    for (const integration of ws.integrations) checkTemplates(ctx, integration, 'RequestTemplates', true);
    for (const response of ws.integrationResponses) checkTemplates(ctx, response, 'ResponseTemplates', false);
  }
}

function checkTemplates(
  ctx: LintContext,
  resource: ResourceEntry,
  property: string,
  mustRenderJson: boolean,
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
    if (!mustRenderJson) continue;
    let rendered = '';
    try {
      rendered = renderVtl(text);
      JSON.parse(rendered);
    } catch (error) {
      const output = rendered.replace(/\s+/g, ' ').trim().slice(0, 120);
      ctx.report(
        'E9016',
        path,
        `${resource.id}: ${property} ${JSON.stringify(key)} renders invalid JSON for the message ${SAMPLE_MESSAGE}: ${(error as Error).message}${output ? `; output: ${output}` : ''}`,
      );
    }
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
