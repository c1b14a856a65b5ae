/**
 * In a function's environment, an https request to the emulator's own address goes to it as http
 * (handlers build `https://${domainName}/${stage}` from the event); every other request is left
 * alone. Run in a separate process, so this test's own https module stays as it is.
 */
import { packagePath } from '../../generator/paths';
import { runModule } from '../helpers/cli';

const SCRIPT = `
import http from 'node:http';
import https, { request as namedRequest } from 'node:https';
import { createRequire } from 'node:module';
const { redirectHttpsToEmulator } = createRequire(import.meta.url)(process.argv[1]);
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => res.end([req.method, req.url, req.headers.host.split(':')[0], body].join(' ').trim()));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
redirectHttpsToEmulator({ emulator: 'http://127.0.0.1:' + port, apiId: 'a1b2c3' });
const body = (response) => new Promise((resolve) => { let text = ''; response.on('data', (c) => (text += c)); response.on('end', () => resolve(text)); });
const outcome = (make) => new Promise((resolve) => {
  const request = make((response) => body(response).then(resolve));
  request.on('error', (error) => resolve('error ' + error.code));
  request.end();
});
const results = {
  url: await outcome((cb) => https.get('https://127.0.0.1:' + port + '/prod/@connections/a?x=1', cb)),
  options: await outcome((cb) => https.request({ hostname: 'localhost', port, path: '/prod/@connections/b', method: 'POST', agent: new https.Agent() }, cb)),
  named: await outcome((cb) => namedRequest({ host: '127.0.0.1', port, path: '/c', method: 'DELETE' }, cb)),
  otherPort: await outcome((cb) => https.get('https://127.0.0.1:' + (port === 65535 ? 1 : port + 1) + '/', cb)),
  // The SDK v3 passes host and port apart, no port for 443, and a Host header naming the AWS host.
  apiId: await outcome((cb) => https.request({ host: 'a1b2c3.execute-api.eu-west-1.amazonaws.com', path: '/prod//@connections/d', method: 'POST', headers: { host: 'a1b2c3.execute-api.eu-west-1.amazonaws.com' } }, cb)),
  otherApi: await outcome((cb) => https.request({ host: 'zzz999.execute-api.invalid', path: '/', headers: {} }, cb)),
  // StartSyncExecution's host prefix, which the SDK puts before a custom endpoint's host too.
  hostPrefix: await outcome((cb) => http.request({ hostname: 'sync-127.0.0.1', port, path: '/i', method: 'POST' }, cb)),
  hostPrefixOtherPort: await outcome((cb) => http.request({ hostname: 'sync-127.0.0.1', port: port === 65535 ? 1 : port + 1, path: '/' }, cb)),
};
const text = async (response) => (response.ok ? '' : response.status + ' ') + (await response.text());
const fetched = async (input, init) => { try { return await text(await fetch(input, init)); } catch (error) { return 'error ' + (error.cause?.code ?? error.message); } };
Object.assign(results, {
  fetchDomain: await fetched('https://127.0.0.1:' + port + '/prod/@connections/e', { method: 'POST', body: 'hi' }),
  fetchApiId: await fetched(new URL('https://a1b2c3.execute-api.us-east-1.amazonaws.com/prod//@connections/f?x=1'), { method: 'POST', body: 'hey' }),
  fetchRequest: await fetched(new Request('https://localhost:' + port + '/prod/@connections/g', { method: 'DELETE' })),
  fetchPlainHttp: await fetched('http://127.0.0.1:' + port + '/h'),
  fetchOtherPort: await fetched('https://127.0.0.1:' + (port === 65535 ? 1 : port + 1) + '/'),
});
server.close();
console.log(JSON.stringify(results));
`;

describe('emulator https redirect', () => {
  it('sends https requests for the emulator and its API id as http, through https and fetch, and leaves others alone', async () => {
    const stdout = await runModule(SCRIPT, [
      packagePath('generator', 'local', 'lambda', 'emulator-https.cjs'),
    ]);
    expect(JSON.parse(stdout)).toEqual({
      url: 'GET /prod/@connections/a?x=1 127.0.0.1',
      options: 'POST /prod/@connections/b 127.0.0.1',
      named: 'DELETE /c 127.0.0.1',
      otherPort: expect.stringMatching(/^error E/),
      apiId: 'POST /prod//@connections/d 127.0.0.1',
      otherApi: expect.stringMatching(/^error E/),
      hostPrefix: 'POST /i 127.0.0.1',
      hostPrefixOtherPort: expect.stringMatching(/^error E/),
      fetchDomain: 'POST /prod/@connections/e 127.0.0.1 hi',
      fetchApiId: 'POST /prod//@connections/f?x=1 127.0.0.1 hey',
      fetchRequest: 'DELETE /prod/@connections/g 127.0.0.1',
      fetchPlainHttp: 'GET /h 127.0.0.1',
      fetchOtherPort: expect.stringMatching(/^error E/),
    });
  });
});
