import { updateSettingsBodySchema } from '@/lib/contracts/settings';
import { route } from '@/server/http/route';
import { getSettings } from '@/server/settings/get-settings';
import { updateSettings } from '@/server/settings/update-settings';

export const GET = route({ access: 'viewer' }, async ({ app }) => ({ json: await getSettings(app.db) }));

export const PATCH = route({ access: 'admin', body: updateSettingsBodySchema }, async ({ app, principal, body, clientIp }) => ({
  json: await updateSettings(app, principal!, body, clientIp),
}));
