/**
 * Rule 4, Step Functions: definitions are valid ASL; an integration calling
 * `states:action/StartSyncExecution` targets an EXPRESS state machine, through a role allowed to
 * start it; a synchronously run machine must not wait past API Gateway's 29 s integration timeout.
 */

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { INTEGRATION_TIMEOUT_MS } from '../../api-gateway-quotas';
import { show } from '../../errors';
import { jsYaml } from '../../template/js-yaml';
import { aslProblems, totalWaitSeconds } from '../asl';
import { roleGrants } from '../iam-grants';
import type { LintContext, Path, ResourceEntry } from '../types';
import { intrinsicName, isObject, subParts } from '../values';
import { mentionedIds, targetOf, webSocketApis } from './websocket-model';

const STATE_MACHINE_TYPES = ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'];
const INTEGRATION_TIMEOUT_SECONDS = INTEGRATION_TIMEOUT_MS / 1000;

export function checkStateMachines(ctx: LintContext): void {
  const definitions = new Map<string, unknown>();
  for (const machine of ctx.resources.filter((r) => STATE_MACHINE_TYPES.includes(r.type))) {
    const loaded = loadDefinition(ctx, machine);
    if (!loaded) continue;
    const problems = aslProblems(loaded.definition);
    if (problems.length > 0)
      ctx.report(
        'E9017',
        loaded.path,
        `${machine.id}: the state machine definition is not valid ASL: ${problems.slice(0, 3).join('; ')}`,
      );
    else if (ctx.aslValidator) checkWithAslValidator(ctx, machine, loaded.definition, loaded.path);
    definitions.set(machine.id, loaded.definition);
  }
  for (const ws of webSocketApis(ctx)) {
    for (const integration of ws.integrations) {
      if (!callsStartSyncExecution(integration)) continue;
      const machines = [...mentionedIds(integration.properties.RequestTemplates)]
        .map((id) => ctx.byId.get(id))
        .filter((r): r is ResourceEntry => r !== undefined && STATE_MACHINE_TYPES.includes(r.type));
      for (const machine of machines) {
        checkExpress(ctx, integration, machine);
        checkCredentials(ctx, integration, machine);
        const waits = totalWaitSeconds(definitions.get(machine.id));
        if (waits > INTEGRATION_TIMEOUT_SECONDS) {
          ctx.report(
            'W9014',
            ['Resources', machine.id],
            `${machine.id}: its Wait states add up to ${waits} s, past the ${INTEGRATION_TIMEOUT_SECONDS} s integration timeout of ${integration.id}, so clients get a timeout instead of the result`,
          );
        }
      }
    }
  }
}

type AslValidator = (definition: unknown) => {
  isValid: boolean;
  errors: { 'Error code'?: string; Message?: string }[];
};

/** The asl-validator package's full check; it mutates its input, so it gets a copy. */
function checkWithAslValidator(
  ctx: LintContext,
  machine: ResourceEntry,
  definition: unknown,
  path: Path,
): void {
  const validate: AslValidator = require('asl-validator');
  const { isValid, errors } = validate(structuredClone(definition));
  if (isValid) return;
  const messages = errors.slice(0, 3).map((e) => `${e['Error code'] ?? 'ERROR'}: ${e.Message ?? ''}`.trim());
  ctx.report(
    'E9018',
    path,
    `${machine.id}: asl-validator rejects the state machine definition: ${messages.join('; ')}`,
  );
}

function callsStartSyncExecution(integration: ResourceEntry): boolean {
  return (
    integration.properties.IntegrationType === 'AWS' &&
    JSON.stringify(integration.properties.IntegrationUri ?? '').includes('states:action/StartSyncExecution')
  );
}

function checkExpress(ctx: LintContext, integration: ResourceEntry, machine: ResourceEntry): void {
  const property = machine.type === 'AWS::Serverless::StateMachine' ? 'Type' : 'StateMachineType';
  const type = machine.properties[property] ?? 'STANDARD';
  if (type !== 'EXPRESS' && typeof type === 'string') {
    ctx.report(
      'E9012',
      [
        'Resources',
        machine.id,
        'Properties',
        ...(machine.properties[property] === undefined ? [] : [property]),
      ],
      `${machine.id}: ${integration.id} calls StartSyncExecution, which only runs EXPRESS state machines, but ${property} is ${show(type)}`,
    );
  }
}

function checkCredentials(ctx: LintContext, integration: ResourceEntry, machine: ResourceEntry): void {
  const at: Path = ['Resources', integration.id, 'Properties'];
  const credentials = integration.properties.CredentialsArn;
  if (credentials === undefined) {
    ctx.report(
      'E9013',
      at,
      `${integration.id}: an AWS integration calling StartSyncExecution needs a CredentialsArn role allowed to run states:StartSyncExecution on ${machine.id}`,
    );
    return;
  }
  const role = ctx.byId.get(targetOf(credentials) ?? '');
  if (role?.type !== 'AWS::IAM::Role') return;
  if (roleGrants(ctx, role, 'states:StartSyncExecution', machine) === 'denied') {
    ctx.report(
      'E9013',
      [...at, 'CredentialsArn'],
      `${integration.id}: role ${role.id} does not allow states:StartSyncExecution on ${machine.id}, so every message fails with an authorization error`,
    );
  }
}

/** A DefinitionString's text: a string, or the text of a Fn::Sub. */
function definitionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isObject(value) && intrinsicName(value) === 'Fn::Sub' ? subParts(value['Fn::Sub']).text : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A state machine's definition: inline, a DefinitionString, or a local DefinitionUri file. */
function loadDefinition(
  ctx: LintContext,
  machine: ResourceEntry,
): { definition: unknown; path: Path } | undefined {
  const props = machine.properties;
  const base: Path = ['Resources', machine.id, 'Properties'];
  if (isObject(props.Definition)) return { definition: props.Definition, path: [...base, 'Definition'] };
  const text = definitionText(props.DefinitionString);
  if (text !== undefined && typeof props.DefinitionString !== 'string') {
    // A Fn::Sub body: its `${...}` become values after deploy. Checked when it is JSON with them in
    // place (a `0` is valid both inside a string and as a value); not reported when it is not.
    const parsed = parseJson(text.replace(/\$\{(?!!)[^}]*\}/g, '0'));
    return parsed === undefined ? undefined : { definition: parsed, path: [...base, 'DefinitionString'] };
  }
  if (typeof props.DefinitionString === 'string') {
    try {
      return { definition: JSON.parse(props.DefinitionString), path: [...base, 'DefinitionString'] };
    } catch (error) {
      ctx.report(
        'E9017',
        [...base, 'DefinitionString'],
        `${machine.id}: DefinitionString is not JSON: ${(error as Error).message}`,
      );
      return undefined;
    }
  }
  const uri = props.DefinitionUri;
  if (typeof uri !== 'string' || ctx.baseDir === undefined || /^s3:\/\//.test(uri)) return undefined;
  const path: Path = [...base, 'DefinitionUri'];
  const file = isAbsolute(uri) ? uri : resolve(ctx.baseDir, uri);
  if (!existsSync(file)) {
    ctx.report(
      'E9017',
      path,
      `${machine.id}: DefinitionUri ${show(uri)} does not exist (looked for ${file})`,
    );
    return undefined;
  }
  try {
    const text = readFileSync(file, 'utf8');
    return {
      definition: /\.json$/i.test(file)
        ? JSON.parse(text)
        : jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }),
      path,
    };
  } catch (error) {
    ctx.report(
      'E9017',
      path,
      `${machine.id}: DefinitionUri ${show(uri)} cannot be parsed: ${(error as Error).message.split('\n')[0]}`,
    );
    return undefined;
  }
}
