/**
 * A route's request validation from the template: its ModelSelectionExpression and the
 * `AWS::ApiGatewayV2::Model` schemas its RequestModels name (by the model's Name, or its logical id
 * when the template refers to it with `!Ref`). A model that is missing or is not a draft 4 schema
 * is a reason the route cannot run, as API Gateway would not deploy it.
 */
import type { Json, Resource, Template } from '../../template/types';
import { compileModel } from '../server/request-validation';
import type { RequestValidation } from '../types';

type Props = Record<string, Json>;
type Model = RequestValidation['models'][string];

/** The template's models, by Name and by logical id. */
export function loadModels(
  template: Template,
  properties: (resource: Resource) => Props,
): Map<string, Model> {
  const models = new Map<string, Model>();
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== 'AWS::ApiGatewayV2::Model') continue;
    const props = properties(resource);
    const name = String(props.Name ?? id);
    const model = { name, schema: props.Schema ?? {} };
    models.set(id, model);
    models.set(name, model);
  }
  return models;
}

/** A route's validation; `reason` when it names a model that cannot be used; undefined without one. */
export function requestValidationOf(
  route: Props,
  models: ReadonlyMap<string, Model>,
): RequestValidation | { readonly reason: string } | undefined {
  if (typeof route.ModelSelectionExpression !== 'string') return undefined;
  const selected: Record<string, Model> = {};
  for (const [key, name] of Object.entries((route.RequestModels ?? {}) as Props)) {
    const model = models.get(String(name));
    if (!model) return { reason: `RequestModels ${key}: no AWS::ApiGatewayV2::Model named ${String(name)}` };
    let schema: Json;
    try {
      schema = typeof model.schema === 'string' ? (JSON.parse(model.schema) as Json) : model.schema;
      compileModel(schema);
    } catch (error) {
      return { reason: `model ${model.name} is not a JSON Schema draft 4: ${(error as Error).message}` };
    }
    selected[key] = { name: model.name, schema };
  }
  return { modelSelectionExpression: route.ModelSelectionExpression, models: selected };
}
