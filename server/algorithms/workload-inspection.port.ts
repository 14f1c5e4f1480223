import type { InspectedWorkload, InspectWorkloadsInput } from '../../activities/runtime-inspection-activities';

/** How the web app asks the worker's runtime about workloads; rejects with dependency_unavailable when nobody answers in time. */
export interface WorkloadInspectionPort {
  inspectWorkloads(input: InspectWorkloadsInput): Promise<InspectedWorkload[]>;
}
