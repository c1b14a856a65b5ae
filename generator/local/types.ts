/** The parts of a template the emulator runs, with every intrinsic already resolved. */
import type { Json } from '../template/types';

export interface LocalApp {
  /** Folder of the template: CodeUri and DefinitionUri are relative to it. */
  readonly dir: string;
  /** The template file, when the app was read from disk. */
  readonly templateFile?: string;
  readonly apiId: string;
  readonly stage: string;
  readonly region: string;
  readonly stackName: string;
  /** The stack's account when it names one (a CDK stack's environment). @default LOCAL_ACCOUNT_ID */
  readonly accountId?: string;
  /** E.g. `$request.body.action`. */
  readonly routeSelectionExpression: string;
  readonly routes: ReadonlyMap<string, LocalRoute>;
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly stateMachines: ReadonlyMap<string, LocalStateMachine>;
  readonly tables: readonly LocalTable[];
  /**
   * Every resource of the template with its properties resolved, for the services that read their
   * own resources (queues, topics, rules, event source mappings). A resource whose properties use
   * an intrinsic wskit local cannot resolve is left out.
   */
  readonly resources: ReadonlyMap<string, LocalResource>;
  /** The values `NoEcho` parameters take in this run (an override, else the default): shown masked. */
  readonly secretValues?: readonly string[];
  /** Parameters with no Default and no override, which run with a placeholder of their type. */
  readonly placeholderParameters?: readonly string[];
  /** Custom resources: their providers do not run locally, and their attributes are placeholders. */
  readonly customResources?: readonly LocalCustomResource[];
  /** Where routes with ApiKeyRequired find the key, and the keys the template gives (template/load-api-keys.ts). */
  readonly apiKeys?: LocalApiKeys;
}

export interface LocalCustomResource {
  readonly id: string;
  readonly type: string;
}

export interface LocalApiKeys {
  /** `$request.header.x-api-key` or `$context.authorizer.usageIdentifierKey`. */
  readonly selectionExpression: string;
  /** Values of the template's enabled `AWS::ApiGateway::ApiKey` resources. */
  readonly values: readonly string[];
  /** Enabled keys whose value API Gateway generates (unknown here). */
  readonly generated: number;
}

export interface LocalResource {
  readonly type: string;
  readonly properties: Readonly<Record<string, Json>>;
}

export interface LocalRoute {
  readonly routeKey: string;
  readonly integration: LocalIntegration;
  /** A route with a route response sends the integration's result back (two-way). */
  readonly twoWay: boolean;
  readonly authorizer?: LocalAuthorizer;
  /** `AuthorizationType: AWS_IAM`: the handshake must carry a SigV4 signature (server/iam-auth.ts). */
  readonly iam?: boolean;
  /** `ApiKeyRequired: true`: the connection must present one of the API's keys (server/api-key.ts). */
  readonly apiKeyRequired?: boolean;
  /** With a ModelSelectionExpression, messages are validated before the integration runs. */
  readonly requestValidation?: RequestValidation;
}

/** A route's RequestModels with the expression that picks one for each message. */
export interface RequestValidation {
  /** E.g. `$request.body.type`, or `$default` for one model. */
  readonly modelSelectionExpression: string;
  /** By RequestModels key: the model's name and its JSON Schema (draft 4). */
  readonly models: Readonly<Record<string, { readonly name: string; readonly schema: Json }>>;
}

export type LocalIntegration =
  | LambdaProxyIntegration
  | AwsIntegration
  | MockIntegration
  | NoIntegration
  | UnavailableIntegration;

export interface LambdaProxyIntegration {
  readonly kind: 'lambda-proxy';
  readonly id: string;
  readonly functionId: string;
  readonly timeoutMs: number;
}

/** What non-proxy integrations share: request templates in, integration responses out. */
interface MappedIntegration {
  readonly id: string;
  readonly timeoutMs: number;
  readonly templateSelectionExpression?: string;
  readonly requestTemplates: Readonly<Record<string, string>>;
  /** What a message no request template matches does (see integrations/passthrough.ts). @default WHEN_NO_MATCH */
  readonly passthroughBehavior?: PassthroughBehavior;
  readonly responses: readonly LocalIntegrationResponse[];
}

export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';

/** A non-proxy integration: request template → service action → integration response template. */
export interface AwsIntegration extends MappedIntegration {
  readonly kind: 'aws';
  /** `sqs`, `dynamodb`, `states`... (`lambda` for a non-proxy Lambda integration). */
  readonly service: string;
  /**
   * `<service>:<Action>` from an `action/` URI (`dynamodb:PutItem`), or `lambda:Invoke`; absent
   * for a `path/` URI, whose request names the action (`Action=SendMessage`, `X-Amz-Target`).
   */
  readonly action?: string;
  /** What follows `path/` in a `path/` URI (`123456789012/MyQueue`). */
  readonly path?: string;
  /** `integration.request.header.<Name>` → its source, as in the template. */
  readonly requestParameters?: Readonly<Record<string, string>>;
  /** For `lambda:Invoke`: the function's logical id. */
  readonly functionId?: string;
}

/** MOCK: no service is called; the request template's `statusCode` picks the integration response. */
export interface MockIntegration extends MappedIntegration {
  readonly kind: 'mock';
}

/**
 * `$connect` without a Target: its integration is optional on API Gateway, so the handshake
 * succeeds once the route's authorizer (if any) allows it. Other routes need an integration.
 */
export interface NoIntegration {
  readonly kind: 'none';
  readonly id: string;
}

/**
 * An integration that cannot run on this machine (a service or action nothing local serves, a
 * function whose code is elsewhere). Only its route is affected: it answers as a failing integration
 * does (`Internal server error`; a refused handshake on `$connect`) and logs `reason`.
 */
export interface UnavailableIntegration {
  readonly kind: 'unavailable';
  readonly id: string;
  /** Why, in a sentence the banner and the log print, e.g. `sns:Publish: no local service runs SNS`. */
  readonly reason: string;
}

export interface LocalIntegrationResponse {
  /** `$default` or a `/regex/` matched against the service's status code. */
  readonly key: string;
  readonly templateSelectionExpression?: string;
  readonly templates: Readonly<Record<string, string>>;
}

export interface LocalAuthorizer {
  readonly name: string;
  readonly functionId: string;
  /** E.g. `route.request.header.Auth`, `route.request.querystring.token`. */
  readonly identitySource: readonly string[];
}

export interface LocalFunction {
  readonly id: string;
  readonly name: string;
  readonly arn: string;
  /** Absolute folder of the bundle. */
  readonly codeDir: string;
  /** `index.handler` → module `index`, export `handler`. */
  readonly handler: string;
  /** The template's Runtime (`nodejs22.x`, `python3.12`, `java21`...): which runtime runs it (see lambda/runtimes/). */
  readonly runtime?: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly environment: Readonly<Record<string, string>>;
  /** A TypeScript handler with no JavaScript beside it: bundled before the emulator starts, as `sam build` would. */
  readonly typescript?: TypeScriptSource;
  /** Its layers that are folders of the app, in the order of `Layers`. */
  readonly layers?: readonly LocalLayer[];
  /** Its layers that are not on this machine (a published layer's ARN): it runs without them. */
  readonly remoteLayers?: readonly string[];
}

/** A Lambda layer from a folder of the app: what Lambda would unpack to /opt. */
export interface LocalLayer {
  readonly id: string;
  /** Absolute folder of its content (ContentUri). */
  readonly dir: string;
  /**
   * SAM's `Metadata: BuildMethod` (`nodejs22.x`, `python3.12`): `sam build` puts the folder's own
   * code and installed packages under `nodejs/` or `python/`, so here they are the folder itself.
   */
  readonly buildMethod?: string;
}

/** What to bundle, from the file beside the handler or SAM's `Metadata: BuildMethod: esbuild`. */
export interface TypeScriptSource {
  /** Absolute path of the entry point. */
  readonly entry: string;
  readonly format: 'cjs' | 'esm';
  /** Packages left out of the bundle; the emulator provides `@aws-sdk/*` as the Lambda runtime does. */
  readonly external: readonly string[];
}

export interface LocalStateMachine {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly type: 'EXPRESS' | 'STANDARD';
  readonly definition: Json;
  /** The DefinitionUri file the definition was read from, if any. */
  readonly definitionFile?: string;
}

export interface LocalTable {
  readonly id: string;
  readonly name: string;
  /** CreateTable input, minus billing details. */
  readonly properties: Readonly<Record<string, Json>>;
}
