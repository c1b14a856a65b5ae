/**
 * Factories for the app model. Each one checks its own input and fills in defaults, so an invalid
 * item fails where it is created, with a message that names it. `webSocketApp` then checks the
 * whole: unique route keys, unique logical ids, one object per id.
 *
 * @example
 * const table = connectionsTable('Connections');
 * const onConnect = lambdaFunction('OnConnect', {
 *   entry: 'functions/connect.ts',
 *   environment: { TABLE_NAME: tableName(table) },
 *   grants: [grantTable(table, ['dynamodb:PutItem'])],
 * });
 * export default webSocketApp({ name: 'chat', routes: [route('$connect', lambdaIntegration(onConnect))] });
 */
export * from './app';
export * from './authorizers';
export * from './functions';
export * from './integrations';
export * from './messaging';
export * from './names';
export * from './state-machines';
export * from './tables';
