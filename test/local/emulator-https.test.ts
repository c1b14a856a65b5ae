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
const server = http.createServer((req, res) => res.end(req.method + ' ' + req.url));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
redirectHttpsToEmulator('http://127.0.0.1:' + port);
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
};
server.close();
console.log(JSON.stringify(results));
`;

describe('emulator https redirect', () => {
  it('sends https requests for the emulator as http, in every call form, and leaves others alone', async () => {
    const stdout = await runModule(SCRIPT, [
      packagePath('generator', 'local', 'lambda', 'emulator-https.cjs'),
    ]);
    expect(JSON.parse(stdout)).toEqual({
      url: 'GET /prod/@connections/a?x=1',
      options: 'POST /prod/@connections/b',
      named: 'DELETE /c',
      otherPort: expect.stringMatching(/^error E/),
    });
  });
});
