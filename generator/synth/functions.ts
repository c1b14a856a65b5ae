/** Lambda functions (SAM), each with its own log group and a policy naming only its own resources. */
import type { EnvironmentValue, Grant, LambdaFunction } from '../model/types';
import { getAtt, ref, sub } from '../template/intrinsics';
import type { Json } from '../template/types';
import type { ResourceCollector } from './collector';
import { policyDocument, type Statement } from './iam';
import { API_ID, functionIds, STAGE_NAME_PARAMETER, tableIds } from './ids';

export function addFunction(out: ResourceCollector, fn: LambdaFunction, logRetentionDays: number): void {
  const ids = functionIds(fn);
  const variables = Object.fromEntries(
    Object.entries(fn.environment).map(([name, value]) => [name, environmentValue(value)]),
  );
  const statements = fn.grants.map(grantStatement);
  out.add(
    ids.function,
    {
      Type: 'AWS::Serverless::Function',
      Properties: {
        ...(fn.description ? { Description: fn.description } : {}),
        CodeUri: `${ids.codeDir}/`,
        Handler: `index.${fn.handler}`,
        Runtime: fn.runtime,
        Architectures: [fn.architecture],
        MemorySize: fn.memorySizeMb,
        Timeout: fn.timeoutSeconds,
        LoggingConfig: { LogGroup: ref(ids.logGroup) },
        ...(Object.keys(variables).length > 0 ? { Environment: { Variables: variables } } : {}),
        ...(statements.length > 0 ? { Policies: [policyDocument(statements)] } : {}),
      },
    },
    `Function ${fn.id}`,
  );
  out.add(ids.logGroup, { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: logRetentionDays } });
}

function environmentValue(value: EnvironmentValue): Json {
  return typeof value === 'string' ? value : ref(tableIds(value.table).table);
}

function grantStatement(grant: Grant): Statement {
  if (grant.kind === 'table') {
    return {
      Effect: 'Allow',
      Action: [...grant.actions],
      Resource: getAtt(tableIds(grant.table).table, 'Arn'),
    };
  }
  // The stage comes from the parameter, not a Ref to the Stage: that would make a dependency cycle
  // (stage → deployment → route → integration → function → role).
  return {
    Effect: 'Allow',
    Action: 'execute-api:ManageConnections',
    Resource: grant.methods.map((method) =>
      sub(
        `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${API_ID}}/\${${STAGE_NAME_PARAMETER}}/${method}/@connections/*`,
      ),
    ),
  };
}
