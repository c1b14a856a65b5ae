/** Which addresses name this API's @connections endpoint, as a table. */
import { namesLocalApi } from '../../generator/local/connections/address';

const local = { apiId: 'a1b2c3', emulatorHost: '127.0.0.1:3001' };

describe('namesLocalApi', () => {
  it.each([
    ['a1b2c3.execute-api.us-east-1.amazonaws.com', true],
    ['https://a1b2c3.execute-api.eu-west-1.amazonaws.com/prod/', true],
    ['A1B2C3.execute-api.cn-north-1.amazonaws.com.cn', true],
    ['http://127.0.0.1:3001/prod', true],
    ['127.0.0.1:3001', true],
    ['zzz999.execute-api.us-east-1.amazonaws.com', false],
    ['a1b2c3.execute-api.us-east-1.amazonaws.com.evil.example', false],
    ['a1b2c3.lambda-url.us-east-1.on.aws', false],
    ['127.0.0.1:3002', false],
    ['not a url', false],
  ])('%s → %s', (endpoint, expected) => {
    expect(namesLocalApi(endpoint, local)).toBe(expected);
  });
});
