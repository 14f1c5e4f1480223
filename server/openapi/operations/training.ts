import { listModelVersionsQuerySchema, listTrainingJobsQuerySchema, modelVersionListSchema, publishModelVersionBodySchema, publishModelVersionResultSchema, siteListSchema, trainingJobDetailSchema, trainingJobListSchema, trainingJobSchema, trainingJobSpecSchema } from '../../../lib/contracts/training';
import type { ApiOperation } from '../api-operation';

export const trainingOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/training/jobs',
    summary: 'Create a federated training job and start its workflow training:<id> (409 while settings.trainingEnabled is off)',
    tag: 'training',
    access: 'operator',
    body: trainingJobSpecSchema,
    response: trainingJobSchema,
    successStatus: 201,
  },
  { method: 'get', path: '/training/jobs', summary: 'Training jobs, newest first', tag: 'training', access: 'viewer', query: listTrainingJobsQuerySchema, response: trainingJobListSchema },
  { method: 'get', path: '/training/jobs/{id}', summary: 'One job with its rounds: per-site training and evaluation metrics, dropouts, checkpoints', tag: 'training', access: 'viewer', response: trainingJobDetailSchema },
  { method: 'get', path: '/training/models', summary: 'Model versions with their metrics; active: true marks the one published to deployments', tag: 'training', access: 'viewer', query: listModelVersionsQuerySchema, response: modelVersionListSchema },
  {
    method: 'post',
    path: '/training/models/{id}/publish',
    summary: 'Make an alarm-verifier version the active one and roll it out: every running pipeline redeploys its analyzers make-before-break with it (409 for other algorithms or a model that cannot be loaded)',
    tag: 'training',
    access: 'operator',
    body: publishModelVersionBodySchema,
    response: publishModelVersionResultSchema,
  },
  { method: 'get', path: '/sites', summary: 'Registered training sites: online while their last heartbeat is < 60 s old, samples available', tag: 'training', access: 'viewer', response: siteListSchema },
];
