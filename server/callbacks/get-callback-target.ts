import { notFound } from '../../lib/errors';
import type { CallbackTarget } from '../../lib/contracts/callback-targets';
import type { AppContext } from '../app-context';
import { toCallbackTarget } from './callback-target-mapper';

export async function listCallbackTargets(app: AppContext): Promise<CallbackTarget[]> {
  const rows = await app.db.selectFrom('callback_targets').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toCallbackTarget);
}

export async function getCallbackTarget(app: AppContext, id: string): Promise<CallbackTarget> {
  const row = await app.db.selectFrom('callback_targets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Callback target', id);
  return toCallbackTarget(row);
}
