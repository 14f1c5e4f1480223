import { route } from '@/server/http/route';
import { getTrainingJob } from '@/server/training/list-training-jobs';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getTrainingJob(app, params.id!) }));
