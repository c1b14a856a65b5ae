/** Accumulates resources in insertion order, refusing a logical id used twice. */
import { ModelError } from '../errors';
import type { Resource } from '../template/types';

export class ResourceCollector {
  readonly resources: Record<string, Resource> = {};
  readonly banners: Record<string, string> = {};

  add(logicalId: string, resource: Resource, banner?: string): void {
    if (logicalId in this.resources) {
      throw new ModelError(
        'E_MODEL_DUPLICATE_ID',
        `logical id "${logicalId}" is produced twice; rename one of the items`,
        logicalId,
      );
    }
    this.resources[logicalId] = resource;
    if (banner) this.banners[logicalId] = banner;
  }

  addAll(other: ResourceCollector): void {
    for (const [logicalId, resource] of Object.entries(other.resources))
      this.add(logicalId, resource, other.banners[logicalId]);
  }
}
