/** `wskit generate`: writes the app and says what to do next. */
import { relative } from 'node:path';
import { type GenerateRequest, generate } from '../../app/generate';

export async function runGenerate(request: GenerateRequest): Promise<number> {
  const result = await generate(request);
  const dir = relative(process.cwd(), result.outDir) || '.';
  const lines = [
    `Wrote ${dir}/: ${result.files.join(', ')}`,
    '',
    'Next:',
    `  wskit lint ${dir}/template.yml`,
    `  wskit local ${dir}`,
    `  cd ${dir} && sam deploy --guided`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
