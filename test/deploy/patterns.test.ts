/** The committed example apps package as they are: every CodeUri and DefinitionUri is found and exists. */

import { rewriteArtifacts } from '../../generator/deploy/artifacts';
import { readLocalApp } from '../../generator/deploy/deploy';
import { readSamConfig } from '../../generator/deploy/samconfig';
import { resolveDeploySettings } from '../../generator/deploy/settings';
import { packagePath } from '../../generator/paths';
import { parseYaml, toYaml } from '../../generator/template/yaml';

describe.each([
  ['lambda', ['DefaultFunction', 'OnConnectFunction', 'OnDisconnectFunction', 'SendMessageFunction']],
  ['sfn-sync', ['SyncStateMachine']],
])('the %s example app', (pattern, packaged) => {
  it('packages every local artifact and leaves no local path in the template', async () => {
    const appDir = packagePath('patterns', pattern);
    const settings = resolveDeploySettings(
      { appDir, parameterOverrides: {}, tags: {} },
      await readSamConfig(appDir),
    );
    expect(settings.stackName).toBe(pattern);
    const { template, built } = await readLocalApp(settings);
    expect([...built.keys()].map((ref) => ref.resourceId).sort()).toEqual(packaged);
    for (const artifact of built.values())
      expect(artifact.key).toMatch(new RegExp(`^${pattern}/[0-9a-f]{64}\\.(zip|json)$`));
    const locations = new Map([...built].map(([ref, a]) => [ref, { bucket: 'b', key: a.key }]));
    const text = toYaml(rewriteArtifacts(template, locations));
    expect(text).not.toMatch(/CodeUri: functions\/|DefinitionUri: statemachine\//);
    expect(text.match(/CodeUri: s3:\/\/b\//g) ?? []).toHaveLength(pattern === 'lambda' ? 4 : 0);
    // Writing the packaged template changes nothing but the artifact locations.
    expect(parseYaml(text)).toEqual(rewriteArtifacts(template, locations));
    expect(parseYaml(toYaml(template))).toEqual(template);
  });
});
