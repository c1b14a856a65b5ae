/**
 * What the AWS SAM transform makes of each AWS::Serverless::* resource, as the SAM developer guide's
 * "Generated AWS CloudFormation resources" pages describe it (where they and translator 1.110.0
 * disagree, the translator wins: WebSocketApi ids are `<Api>ConnectRoute`, `<Api>DefaultStage`,
 * not the guide's `<Api>connectRoute`, `<Api>defaultStage`): the CloudFormation resources it
 * generates (logical id and type), the referenceable properties that name them (`MyApi.Stage`,
 * `MyFunction.Alias`), which of the SAM resource's properties end up on which generated resource
 * (so `Events.*.Properties.RestApiId` sits on a Permission, not the function), and the edges the
 * transform adds to other resources (an API whose OpenAPI body calls the function). Pure data in,
 * data out: the linter reasons about the template as it is after the transform.
 */
import type { Path } from '../types';
import { expandGraphQLApi, expandHttpApi, expandRestApi, expandWebSocketApi } from './apis';
import { expandFunction, expandStateMachine } from './functions';
import { type Expander, type Generated, type Globals, HASH, type SamResource } from './shared';

export type { Generated, SamResource };

/** The resource each SAM type becomes, under the SAM resource's own logical id (Fn::GetAtt reaches it). */
export const SAM_PRIMARY_TYPES: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
  'AWS::Serverless::CapacityProvider': 'AWS::Lambda::CapacityProvider',
};

/**
 * Where SAM hands a property it passes through unchanged: the first of these types that has a
 * property of the same name (`MemorySize` on the function, `DefaultRouteSettings` on the stage).
 */
export const SAM_PROPERTIES_LAND_ON: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(Object.entries(SAM_PRIMARY_TYPES).map(([sam, primary]) => [sam, [primary]])),
  'AWS::Serverless::Api': ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage'],
  'AWS::Serverless::HttpApi': ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage'],
  'AWS::Serverless::WebSocketApi': ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage'],
};

export interface SamTransform {
  readonly generated: readonly Generated[];
  /** [dependent, dependency]: edges the transform adds between resources of the template. */
  readonly edges: readonly (readonly [string, string])[];
  /** Property paths whose references SAM consumes without writing them anywhere. */
  readonly dropped: readonly { readonly owner: string; readonly path: Path }[];
}

/** Every resource the transform generates for a template's SAM resources, and the edges it adds. */
export function samTransform(resources: readonly SamResource[], globals: Globals = {}): SamTransform {
  const out: Generated[] = [];
  const edges: [string, string][] = [];
  const dropped: { owner: string; path: Path }[] = [];
  const ctx = { resources, globals, out, edges, dropped };
  for (const r of resources) {
    const expand = EXPANDERS[r.type];
    if (expand) expand(r, ctx);
  }
  return { generated: uniqueById(out), edges, dropped };
}

function uniqueById(list: Generated[]): Generated[] {
  const seen = new Set<string>();
  return list.filter((g) => !seen.has(g.id) && seen.add(g.id));
}

const EXPANDERS: Readonly<Record<string, Expander>> = {
  'AWS::Serverless::Function': expandFunction,
  'AWS::Serverless::StateMachine': expandStateMachine,
  'AWS::Serverless::Api': expandRestApi,
  'AWS::Serverless::HttpApi': expandHttpApi,
  'AWS::Serverless::WebSocketApi': expandWebSocketApi,
  'AWS::Serverless::GraphQLApi': expandGraphQLApi,
  'AWS::Serverless::LayerVersion': (r, { out }) => {
    out.push({
      id: `${r.id}.Version`,
      type: 'AWS::Lambda::LayerVersion',
      owner: r.id,
      pattern: new RegExp(`^${r.id}${HASH}$`),
    });
  },
  'AWS::Serverless::Connector': (r, { out }) => {
    out.push({ id: `${r.id}Policy`, type: 'AWS::IAM::ManagedPolicy', owner: r.id, from: [[]] });
  },
};
