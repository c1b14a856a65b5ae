// Module resolution hooks for ES module handlers. The Lambda runtime provides the AWS SDK v3, so
// handlers import `@aws-sdk/*` without installing it. CommonJS finds it through NODE_PATH; ES modules
// ignore NODE_PATH, so an `@aws-sdk/*` import that finds nothing beside the handler is resolved from
// wskit's own node_modules instead. Nothing else falls back: a missing dependency fails as on AWS.
let runtimeParent;

export function initialize(data) {
  runtimeParent = data.runtimeParent;
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.startsWith('@aws-sdk/')) throw error;
    return nextResolve(specifier, { ...context, parentURL: runtimeParent });
  }
}
