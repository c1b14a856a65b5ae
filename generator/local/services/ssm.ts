/**
 * SSM Parameter Store for `wskit local`: the template's parameters (`AWS::SSM::Parameter`, Ref the
 * parameter's name, GetAtt Type and Value) answered to handlers' GetParameter, GetParameters and
 * GetParametersByPath calls with the value the template gives them. Stacks often write a URL or a
 * table name into a parameter that their own functions read at run time; that read must stay on
 * the machine. A name the template lacks is `ParameterNotFound`, as AWS answers a parameter that
 * does not exist.
 */
import type { Json, Resource } from '../../template/types';
import type { LocalApp } from '../types';
import { ownName, resourcesOf } from './names';
import { localArn } from './stand-ins';
import type { LocalService, RunningService, ServiceHost, ServiceResponse, StandInContext } from './types';

type Props = Readonly<Record<string, Json>>;

interface ParameterDefinition {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

export const ssmService: LocalService = {
  name: 'ssm',
  resourceTypes: ['AWS::SSM::Parameter'],
  ref: (id, resource, ctx) => parameterName(id, props(resource, ctx), ctx.stackName),
  getAtt: (_id, resource, attribute, ctx) => {
    const own = props(resource, ctx);
    if (attribute === 'Type' || attribute === 'Value') return own?.[attribute];
    return undefined;
  },
  start: async (app, host) => startSsm(app, host),
};

const props = (resource: Resource, ctx: StandInContext) =>
  ctx.resolve((resource.Properties ?? {}) as Json) as Props | undefined;

const parameterName = (id: string, own: Props | undefined, stackName: string) =>
  ownName(id, own?.Name, stackName);

/** `arn:aws:ssm:<region>:<account>:parameter/<name>`; a `/path/name` keeps one slash. */
const parameterArn = (name: string, region: string, accountId: string) =>
  localArn({ region, accountId }, 'ssm', `parameter${name.startsWith('/') ? '' : '/'}${name}`);

function readParameters(app: LocalApp): ParameterDefinition[] {
  return resourcesOf(app, 'AWS::SSM::Parameter').map(([id, { properties }]) => ({
    id,
    name: parameterName(id, properties, app.stackName),
    type: typeof properties.Type === 'string' ? properties.Type : 'String',
    value: typeof properties.Value === 'string' ? properties.Value : JSON.stringify(properties.Value ?? ''),
  }));
}

function startSsm(initial: LocalApp, host: ServiceHost): RunningService {
  let parameters = readParameters(initial);
  const started = Math.floor(Date.now() / 1000);
  // Handlers may name a parameter by its name or its ARN, as the SSM API accepts both.
  const find = (reference: unknown) =>
    parameters.find(
      (p) => reference === p.name || reference === parameterArn(p.name, host.region, host.accountId),
    );
  const answer = (p: ParameterDefinition) => ({
    Name: p.name,
    Type: p.type,
    Value: p.value,
    Version: 1,
    LastModifiedDate: started,
    ARN: parameterArn(p.name, host.region, host.accountId),
    DataType: 'text',
  });
  return {
    actions: {
      'ssm:GetParameter': async (request): Promise<ServiceResponse> => {
        const found = find(request.Name);
        return found
          ? { statusCode: 200, body: { Parameter: answer(found) } }
          : { statusCode: 400, body: { __type: 'ParameterNotFound', message: notInTemplate(request.Name) } };
      },
      'ssm:GetParameters': async (request): Promise<ServiceResponse> => {
        const names = Array.isArray(request.Names) ? request.Names : [];
        return {
          statusCode: 200,
          body: {
            Parameters: names.flatMap((name) => {
              const found = find(name);
              return found ? [answer(found)] : [];
            }),
            InvalidParameters: names.filter((name) => !find(name)),
          },
        };
      },
      'ssm:GetParametersByPath': async (request): Promise<ServiceResponse> => {
        const path = String(request.Path ?? '');
        const prefix = path.endsWith('/') ? path : `${path}/`;
        const under = parameters.filter(
          (p) =>
            p.name.startsWith(prefix) &&
            (request.Recursive === true || !p.name.slice(prefix.length).includes('/')),
        );
        return { statusCode: 200, body: { Parameters: under.map(answer) } };
      },
    },
    // Handlers' SDK calls reach the emulator's AWS endpoint, never Parameter Store itself.
    environment: { AWS_ENDPOINT_URL_SSM: host.endpoint },
    get banner() {
      return parameters.length
        ? [`SSM            → ${parameters.map((p) => `${p.id} → ${p.name}`).join(', ')}`]
        : [];
    },
    update(next) {
      parameters = readParameters(next);
    },
    close: async () => {},
  };
}

const notInTemplate = (name: unknown) =>
  `Parameter ${String(name)} is not one of the template's AWS::SSM::Parameter resources (wskit local serves those only)`;
