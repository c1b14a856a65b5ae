/** `wskit deploy`: settings from flags and samconfig.toml, AWS checked, then the deploy itself. */
import { stat } from 'node:fs/promises';
import { connectAws } from '../../deploy/aws';
import { deploy, readLocalApp } from '../../deploy/deploy';
import { DeployError } from '../../deploy/errors';
import { withInterrupt } from '../../deploy/run';
import { readSamConfig } from '../../deploy/samconfig';
import { type DeployFlags, resolveDeploySettings } from '../../deploy/settings';
import { processTerminal, systemClock } from '../../deploy/terminal';

export async function runDeploy(flags: DeployFlags): Promise<number> {
  const folder = await stat(flags.appDir).catch(() => undefined);
  if (!folder?.isDirectory()) {
    throw new DeployError('E_DEPLOY_NO_APP', `app folder ${flags.appDir} not found`, flags.appDir);
  }
  const settings = resolveDeploySettings(flags, await readSamConfig(flags.appDir));
  const local = await readLocalApp(settings); // local mistakes first, before looking for AWS
  const aws = await connectAws(settings);
  return withInterrupt((signal) =>
    deploy(settings, { ...aws, terminal: processTerminal(), clock: systemClock, signal }, local),
  );
}
