/** A CDK project's synth, as `wskit local` and `wskit lint` run it: once, with its time said in one line. */
import { relative } from 'node:path';
import { type CdkProject, synthesize } from '../template/cdk-project';

export async function synthesizeAndSay(project: CdkProject, write: (line: string) => void): Promise<void> {
  const { ms } = await synthesize(project);
  write(`cdk synth: ${relative(process.cwd(), project.outDir) || '.'} in ${(ms / 1000).toFixed(1)} s`);
}
