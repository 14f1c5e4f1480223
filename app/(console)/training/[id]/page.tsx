import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { getAppContext } from '@/server/app-context';
import { getTrainingJob } from '@/server/training/list-training-jobs';
import { getTranslations } from '../../../_i18n/server-i18n';
import { JobDetail } from '../_components/job-detail';
import '../training.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('training'))('title') };
}

/** One training job: its spec, the per-round chart and tables, kept current while it runs. */
export default async function TrainingJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const app = await getAppContext();
  try {
    return <JobDetail initial={await getTrainingJob(app, id)} />;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}
