import { AppError, notFound } from '../../lib/errors';
import type { AppContext } from '../app-context';
import { readSnapshot } from './snapshot-store';

export async function getAlarmSnapshot(app: AppContext, alarmId: string): Promise<Buffer> {
  const row = await app.db.selectFrom('alarms').select(['snapshot_path']).where('id', '=', alarmId).executeTakeFirst();
  if (!row) throw notFound('Alarm', alarmId);
  if (!row.snapshot_path) throw new AppError('not_found', `Alarm ${alarmId} has no snapshot`);
  try {
    return await readSnapshot(app.config.dataDir, row.snapshot_path);
  } catch {
    throw new AppError('not_found', `The snapshot of alarm ${alarmId} is gone (retention may have deleted it)`);
  }
}
