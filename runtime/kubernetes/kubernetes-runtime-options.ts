import type { Logger } from 'pino';

/** Probe timings written into every workload's pod template (seconds, as Kubernetes takes them). */
export interface ProbeTimings {
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  /** Liveness is held off until the liveness path answered once, for at most periodSeconds × this (model loading). */
  startupFailureThreshold: number;
}

export interface KubernetesRuntimeOptions {
  /** Where workloads go; the namespace must exist (k8s/base creates it) and the runtime's ServiceAccount may write there. */
  namespace: string;
  /** A kubeconfig file; unset means the in-cluster ServiceAccount. */
  kubeconfigPath?: string;
  imagePullSecrets?: readonly string[];
  /** Suffix of Service DNS names in endpoints. */
  clusterDomain?: string;
  probes?: Partial<ProbeTimings>;
  logger: Logger;
}

export interface ManifestOptions {
  namespace: string;
  imagePullSecrets: readonly string[];
  probes: ProbeTimings;
}

export const defaultProbeTimings: ProbeTimings = { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3, startupFailureThreshold: 30 };

export function manifestOptionsOf(options: KubernetesRuntimeOptions): ManifestOptions {
  return { namespace: options.namespace, imagePullSecrets: options.imagePullSecrets ?? [], probes: { ...defaultProbeTimings, ...options.probes } };
}
