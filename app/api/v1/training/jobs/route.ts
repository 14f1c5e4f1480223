import { listTrainingJobsQuerySchema, trainingJobSpecSchema } from '@/lib/contracts/training';
import { route } from '@/server/http/route';
import { createTrainingJob } from '@/server/training/create-training-job';
import { listTrainingJobs } from '@/server/training/list-training-jobs';

export const GET = route({ access: 'viewer', query: listTrainingJobsQuerySchema }, async ({ app, query }) => ({ json: { items: await listTrainingJobs(app, query.limit) } }));

export const POST = route({ access: 'operator', body: trainingJobSpecSchema }, async ({ app, principal, body, clientIp }) => ({
  status: 201,
  json: await createTrainingJob(app, principal!, body, clientIp),
}));
