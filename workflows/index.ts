// The worker's workflowsPath: every workflow Vigil runs is exported from here.
export { healthCheckWorkflow } from './health-check-workflow';
export type { HealthCheckInput, HealthCheckResult } from './health-check-workflow';
export { alarmDeliveryWorkflow } from './alarm-delivery-workflow';
export type { AlarmDeliveryInput, AlarmDeliveryResult } from './alarm-delivery-workflow';
export { retentionWorkflow } from './retention-workflow';
export type { RetentionInput, RetentionResult } from './retention-workflow';
export { pipelineWorkflow } from './pipeline-workflow';
export { reconcileWorkflow } from './reconcile-workflow';
export { federatedTrainingWorkflow } from './federated-training-workflow';
export { siteWorkflow } from './site-workflow';
export { inspectWorkloadsWorkflow } from './inspect-workloads-workflow';
