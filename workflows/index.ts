// The worker's workflowsPath: every workflow Vigil runs is exported from here.
export { healthCheckWorkflow } from './health-check-workflow';
export type { HealthCheckInput, HealthCheckResult } from './health-check-workflow';
