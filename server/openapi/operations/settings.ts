import { settingsSchema, updateSettingsBodySchema } from '../../../lib/contracts/settings';
import type { ApiOperation } from '../api-operation';

export const settingsOperations: ApiOperation[] = [
  { method: 'get', path: '/settings', summary: 'Effective settings (stored values over defaults)', tag: 'settings', access: 'viewer', response: settingsSchema },
  {
    method: 'patch',
    path: '/settings',
    summary: 'Change some settings; callbackPolicy fields are merged into the current policy',
    tag: 'settings',
    access: 'admin',
    body: updateSettingsBodySchema,
    response: settingsSchema,
  },
];
