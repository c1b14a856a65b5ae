/**
 * The compact resource specification the linter loads: one JSON file per service namespace
 * (`spec/aws-apigatewayv2.json`) plus `spec/index.json` listing every resource type, so a lint run
 * parses only the namespaces its template uses.
 */

/**
 * A value's type. Strings name a primitive (`string`, `integer`, `number`, `boolean`, `json`,
 * `tag`, `date-time`) or, prefixed with `#`, a property type of the same resource.
 */
export type TypeSpec =
  | string
  | { readonly a: TypeSpec }
  | { readonly m: TypeSpec }
  | { readonly u: readonly TypeSpec[] }
  | { readonly e: readonly (string | number)[] };

export interface PropSpec {
  readonly t: TypeSpec;
  /** Present (1) when the property is required. */
  readonly r?: 1;
}

export type PropsSpec = Readonly<Record<string, PropSpec>>;

export interface ResourceSpec {
  /** Properties. */
  readonly p: PropsSpec;
  /** Attribute names usable with Fn::GetAtt. */
  readonly a: readonly string[];
  /** Property types, by name. */
  readonly d: Readonly<Record<string, PropsSpec>>;
}

/** One namespace's file: resource type → spec. */
export type SpecShard = Readonly<Record<string, ResourceSpec>>;

/** `AWS::ApiGatewayV2::Api` → `aws-apigatewayv2`. */
export function shardName(resourceType: string): string {
  return resourceType.split('::').slice(0, 2).join('-').toLowerCase();
}
