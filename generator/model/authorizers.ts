/** Lambda REQUEST authorizers for `$connect`. */
import { ModelError, show } from '../errors';
import { checkId, checkPattern } from './check';
import type { Authorizer, EnvironmentValue, LambdaFunction } from './types';

export interface RequestAuthorizerOptions {
  /** Logical id stem. @default 'Connect' */
  readonly id?: string;
  /** Query string parameter that carries the token, e.g. `token` (`wss://...?token=...`). */
  readonly queryString?: string;
  /** Header that carries the token, e.g. `Authorization` (clients that can set headers). */
  readonly header?: string;
}

/** A REQUEST authorizer reading the token from a query string parameter or a header. Makes `AWS::ApiGatewayV2::Authorizer`. */
export function requestAuthorizer(fn: LambdaFunction, options: RequestAuthorizerOptions): Authorizer {
  const path = `authorizer of ${show(fn.id)}`;
  const name = /^[A-Za-z0-9_-]{1,128}$/;
  const sources = [
    ...(options.queryString === undefined
      ? []
      : [
          `route.request.querystring.${checkPattern(`${path} queryString`, options.queryString, name, 'a parameter name')}`,
        ]),
    ...(options.header === undefined
      ? []
      : [`route.request.header.${checkPattern(`${path} header`, options.header, name, 'a header name')}`]),
  ];
  if (sources.length === 0) {
    throw new ModelError(
      'E_MODEL_AUTHORIZER',
      `${path}: name the queryString or the header that carries the token`,
      path,
    );
  }
  return {
    kind: 'authorizer',
    id: checkId(`${path} id`, options.id ?? 'Connect'),
    function: fn,
    identitySource: sources,
  };
}

/** A secret given at deploy time as a NoEcho template parameter, for a function's environment. */
export function secretParameter(name: string, description: string): EnvironmentValue {
  return {
    kind: 'secretParameter',
    name: checkPattern(
      `secret parameter ${show(name)}`,
      name,
      /^[A-Za-z][A-Za-z0-9]{0,254}$/,
      'a parameter name of letters and digits',
    ),
    description,
  };
}
