/**
 * Request validation as API Gateway does it for WebSocket routes: with a ModelSelectionExpression,
 * the message body is checked against the model it selects among the route's RequestModels (or the
 * `$default` one) with JSON Schema draft 4. A body that is not JSON, that no model is selected for,
 * or that fails the schema gets `Invalid request body`, and the integration is not called.
 */
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import type { Json } from '../../template/types';
import type { RequestValidation } from '../types';
import { routeKeyOf } from './route-selection';

/** Draft 4 as API Gateway reads it: unknown keywords and formats are ignored, not errors. */
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** The compiled schema of a model; throws on a schema draft 4 does not accept. */
export function compileModel(schema: Json): ValidateFunction {
  const key = typeof schema === 'object' && schema !== null ? schema : { value: schema };
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(key, validate);
  }
  return validate;
}

/** Why the body is refused, or undefined when it passes (or the route validates nothing). */
export function invalidBody(validation: RequestValidation, body: string): string | undefined {
  const expression = validation.modelSelectionExpression.replace(/^\\/, '');
  const key = expression.startsWith('$request.body.') ? routeKeyOf(expression, body) : expression;
  const selected = (key !== undefined && validation.models[key] ? key : undefined) ?? '$default';
  const model = validation.models[selected];
  if (!model) return `no model for ${JSON.stringify(key ?? '')} and no $default model`;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return `the body is not JSON (model ${model.name})`;
  }
  const validate = compileModel(model.schema);
  if (validate(data)) return undefined;
  return `model ${model.name}: ${ajv.errorsText(validate.errors, { dataVar: 'body' })}`;
}
