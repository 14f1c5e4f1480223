import { eventIdHeader, signatureHeader, timestampHeader, verifySignature } from '../../lib/callbacks/sign-payload';
import type { AppContext } from '../app-context';
import { readTextWithLimit } from '../http/parse-body';
import { newId } from '../new-id';

const maxBodyBytes = 1_048_576;
const storedBodyChars = 65_536;
/** The receiver is a debugging aid, not an archive: only the newest arrivals are kept. */
export const keptArrivals = 200;
// Only what helps debugging a callback; never cookies or authorization headers.
const keptHeaders = ['content-type', 'content-length', 'user-agent', eventIdHeader, timestampHeader, signatureHeader, 'x-vigil-delivery-id'];

/** The built-in receiver (seed: /api/callback/handle): records what arrived and whether a target's secret signed it. */
export async function receiveCallback(app: AppContext, request: Request): Promise<{ id: string; verified: boolean }> {
  const body = await readTextWithLimit(request, maxBodyBytes);
  const verdict = await verifyAgainstTargets(app, request.headers, body);
  const headers = Object.fromEntries(keptHeaders.flatMap((name) => (request.headers.has(name) ? [[name, request.headers.get(name)!]] : [])));
  const id = newId('callbackArrival');
  await app.db
    .insertInto('callback_arrivals')
    .values({
      id,
      received_at: app.now().toISOString(),
      verified: verdict.targetId ? 1 : 0,
      target_id: verdict.targetId,
      reason: verdict.reason,
      event_id: request.headers.get(eventIdHeader),
      headers: JSON.stringify(headers),
      body: body.slice(0, storedBodyChars),
      body_bytes: Buffer.byteLength(body),
    })
    .execute();
  await trimArrivals(app);
  app.logger.info({ arrivalId: id, eventId: request.headers.get(eventIdHeader), verified: Boolean(verdict.targetId) }, 'callback received by the built-in receiver');
  return { id, verified: Boolean(verdict.targetId) };
}

async function verifyAgainstTargets(app: AppContext, headers: Headers, body: string): Promise<{ targetId: string | null; reason: string | null }> {
  const targets = await app.db.selectFrom('callback_targets').select(['id', 'secret_encrypted']).where('enabled', '=', 1).execute();
  if (targets.length === 0) return { targetId: null, reason: 'no enabled callback target to verify against' };
  const nowSeconds = Math.floor(app.now().getTime() / 1000);
  let reason = 'signature matches no callback target secret';
  for (const target of targets) {
    const result = await verifySignature({
      secret: app.secrets.decrypt(target.secret_encrypted),
      signature: headers.get(signatureHeader),
      timestamp: headers.get(timestampHeader),
      body,
      nowSeconds,
    });
    if (result.valid) return { targetId: target.id, reason: null };
    // A missing header or a stale timestamp fails the same way for every target: report that, not "no match".
    if (result.reason !== 'signature does not match') reason = result.reason;
  }
  return { targetId: null, reason };
}

async function trimArrivals(app: AppContext): Promise<void> {
  const stale = await app.db.selectFrom('callback_arrivals').select('id').orderBy('received_at', 'desc').orderBy('id', 'desc').limit(1000).offset(keptArrivals).execute();
  if (stale.length > 0) await app.db.deleteFrom('callback_arrivals').where('id', 'in', stale.map((row) => row.id)).execute();
}
