/** One object of a rendered kustomization, as the YAML said it: only what every Kubernetes object has is typed. */
export interface KubernetesManifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; [field: string]: unknown };
  [field: string]: unknown;
}

/** A kustomization this renderer cannot render as kustomize would: it names the file and the field. */
export class KustomizationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KustomizationError';
  }
}

/** `Kind namespace/name`, as kubectl prints it. */
export function describeManifest(object: KubernetesManifest): string {
  return `${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
}
