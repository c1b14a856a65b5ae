/** Plain CloudFormation in JSON with no SAM transform: AWS::Lambda::Function with inline Code.ZipFile, an IAM role, !Join URIs. */
import { Client, lintApp, type RunningApp, runApp } from './harness';

describe('acceptance: cfn-json-echo', () => {
  it('lints with only what is true of it', () => {
    expect(lintApp('cfn-json-echo')).toEqual(['I9202 Resources/EchoStage']);
  });

  describe('wskit local', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await runApp('cfn-json-echo');
    });
    afterAll(() => app?.close());

    it('runs the inline function with its environment on the stage the parameter names', async () => {
      expect(app.server.url).toMatch(/\/echo$/);
      const client = await Client.connect(app.server.url);
      expect(JSON.parse(await client.request('hello json'))).toEqual({
        echo: 'hello json',
        from: `${app.server.app.stackName}/echo`,
        function: expect.stringMatching(/EchoFunction/),
      });
      await client.close();
    });
  });
});
