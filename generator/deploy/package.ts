/**
 * Packaging, the I/O half: builds each local artifact (a deterministic zip of a folder, or a file's
 * bytes), names it by its content hash, and uploads what the bucket does not have yet.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ArtifactRef } from './artifacts';
import { DeployError } from './errors';
import { zipFolder } from './zip';

export interface BuiltArtifact {
  readonly key: string;
  readonly body: Buffer;
}

/** Reads and zips every artifact; artifacts with the same content share one key. */
export async function buildArtifacts(
  appDir: string,
  refs: readonly ArtifactRef[],
  prefix: string,
): Promise<Map<ArtifactRef, BuiltArtifact>> {
  const built = new Map<ArtifactRef, BuiltArtifact>();
  for (const ref of refs) {
    const { body, extension } = await readArtifact(appDir, ref);
    const hash = createHash('sha256').update(body).digest('hex');
    built.set(ref, { key: `${prefix ? `${prefix}/` : ''}${hash}${extension}`, body });
  }
  return built;
}

async function readArtifact(appDir: string, ref: ArtifactRef): Promise<{ body: Buffer; extension: string }> {
  const path = join(appDir, ref.localPath);
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new DeployError(
      'E_DEPLOY_ARTIFACT_MISSING',
      `${ref.resourceId}.${ref.property}: ${ref.localPath} does not exist in ${appDir} (run wskit generate again?)`,
      path,
    );
  }
  if (info.isDirectory()) {
    if (ref.kind === 'file') {
      throw new DeployError(
        'E_DEPLOY_ARTIFACT_KIND',
        `${ref.resourceId}.${ref.property}: ${ref.localPath} is a folder, expected a file`,
        path,
      );
    }
    return { body: await zipFolder(path), extension: '.zip' };
  }
  const extension = extname(path).toLowerCase();
  if (ref.kind === 'zip' && extension !== '.zip' && extension !== '.jar') {
    throw new DeployError(
      'E_DEPLOY_ARTIFACT_KIND',
      `${ref.resourceId}.${ref.property}: ${ref.localPath} is a file, expected a folder or a .zip`,
      path,
    );
  }
  return { body: await readFile(path), extension };
}

export interface UploadSummary {
  readonly uploaded: number;
  readonly skipped: number;
}

/** Uploads each distinct key once; a key the bucket already holds has the same content, so it is skipped. */
export async function uploadArtifacts(
  s3: S3Client,
  bucket: string,
  artifacts: Iterable<BuiltArtifact>,
  log: (line: string) => void,
): Promise<UploadSummary> {
  const byKey = new Map<string, BuiltArtifact>();
  for (const artifact of artifacts) byKey.set(artifact.key, artifact);
  let uploaded = 0;
  for (const [key, artifact] of [...byKey].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (await objectExists(s3, bucket, key)) continue;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: artifact.body }));
    log(`Uploaded s3://${bucket}/${key} (${formatSize(artifact.body.length)})`);
    uploaded++;
  }
  return { uploaded, skipped: byKey.size - uploaded };
}

async function objectExists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
