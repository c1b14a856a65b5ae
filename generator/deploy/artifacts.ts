/**
 * The local files a template points to, and the template rewritten to their S3 copies: the pure
 * halves of packaging (the I/O is in ./package.ts). Like `sam package`, a function's CodeUri becomes
 * `s3://bucket/key` and a state machine's DefinitionUri becomes `{Bucket, Key}`.
 */
import type { Json, Template } from '../template/types';

/** How a packaged property is written back: an `s3://` URI or a `{Bucket, Key}` object. */
type Form = 'uri' | 'object';

interface PackagedProperty {
  readonly property: string;
  /** zip: a folder is zipped (a .zip or .jar file is uploaded as is); file: uploaded as is. */
  readonly kind: 'zip' | 'file';
  readonly form: Form;
}

const PACKAGED: Readonly<Record<string, PackagedProperty>> = {
  'AWS::Serverless::Function': { property: 'CodeUri', kind: 'zip', form: 'uri' },
  'AWS::Serverless::LayerVersion': { property: 'ContentUri', kind: 'zip', form: 'uri' },
  'AWS::Serverless::StateMachine': { property: 'DefinitionUri', kind: 'file', form: 'object' },
};

export interface ArtifactRef {
  readonly resourceId: string;
  readonly property: string;
  readonly kind: 'zip' | 'file';
  /** The path as written in the template, relative to the template's folder. */
  readonly localPath: string;
}

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** Every property that names a local path (not `s3://`, not already `{Bucket, Key}`), in template order. */
export function findLocalArtifacts(template: Template): ArtifactRef[] {
  const refs: ArtifactRef[] = [];
  for (const [resourceId, resource] of Object.entries(template.Resources ?? {})) {
    const packaged = PACKAGED[resource.Type];
    const value = packaged && resource.Properties?.[packaged.property];
    if (typeof value === 'string' && !value.startsWith('s3://')) {
      refs.push({ resourceId, property: packaged.property, kind: packaged.kind, localPath: value });
    }
  }
  return refs;
}

/** A copy of the template with each packaged property pointing at its S3 location. */
export function rewriteArtifacts(
  template: Template,
  locations: ReadonlyMap<ArtifactRef, S3Location>,
): Template {
  const copy = structuredClone(template);
  for (const [ref, location] of locations) {
    const resource = copy.Resources[ref.resourceId];
    const form = PACKAGED[resource.Type]?.form ?? 'uri';
    resource.Properties = { ...resource.Properties, [ref.property]: writeLocation(location, form) };
  }
  return copy;
}

function writeLocation({ bucket, key }: S3Location, form: Form): Json {
  return form === 'uri' ? `s3://${bucket}/${key}` : { Bucket: bucket, Key: key };
}
