/** Function code from a .zip, unpacked as Lambda unpacks a deployment package. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { codeFolder, unzip } from '../../generator/local/template/asset-code';
import { functionLayers } from '../../generator/local/template/load-layers';

function zipOf(entries: Record<string, string>, compress: boolean): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe('codeFolder', () => {
  it.each([
    ['deflated', true],
    ['stored', false],
  ])('unpacks %s entries, folders included, once', async (_, compress) => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-zip-test-'));
    const file = join(dir, 'code.zip');
    writeFileSync(
      file,
      await zipOf({ 'index.js': 'exports.handler = 1;'.repeat(20), 'lib/util.js': 'x' }, compress),
    );
    const folder = codeFolder(file) as string;
    expect(readFileSync(join(folder, 'index.js'), 'utf8')).toBe('exports.handler = 1;'.repeat(20));
    expect(readFileSync(join(folder, 'lib', 'util.js'), 'utf8')).toBe('x');
    expect(codeFolder(file)).toBe(folder);
  });

  it('uses a folder in place, and has nothing for a path that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-zip-test-'));
    expect(codeFolder(dir)).toBe(dir);
    expect(codeFolder(join(dir, 'missing.zip'))).toBeUndefined();
  });

  it('refuses an entry that points outside the folder, and a file that is no zip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-zip-test-'));
    // Zip writers refuse such names: write a safe one, then change it in both headers.
    const zip = await zipOf({ 'xx/evil.js': 'x' }, true);
    const evil = Buffer.from(zip.toString('latin1').replaceAll('xx/evil.js', '../evil.js'), 'latin1');
    expect(() => unzip(evil, join(dir, 'out'), 'evil.zip')).toThrow(
      'evil.zip: entry ../evil.js points outside the archive',
    );
    expect(() => unzip(Buffer.from('not a zip at all, really not'), join(dir, 'x'), 'bad.zip')).toThrow(
      expect.objectContaining({ code: 'E_LOCAL_ZIP', message: 'bad.zip: not a zip file' }),
    );
  });
});

describe('a layer whose Content is a .zip (a CDK asset)', () => {
  it('is unpacked and used as a local layer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wskit-zip-test-'));
    writeFileSync(join(dir, 'layer.zip'), await zipOf({ 'nodejs/node_modules/greet/index.js': 'x' }, true));
    const template = {
      Resources: { Layer: { Type: 'AWS::Lambda::LayerVersion', Properties: { Content: 'layer.zip' } } },
    };
    const ctx = { template, region: 'us-east-1', stackName: 's', apiId: 'a', parameters: {} };
    const { layers, remoteLayers } = functionLayers([{ Ref: 'Layer' }], template, ctx, dir);
    expect(remoteLayers).toEqual([]);
    expect(readFileSync(join(layers[0]?.dir as string, 'nodejs/node_modules/greet/index.js'), 'utf8')).toBe(
      'x',
    );
  });
});
