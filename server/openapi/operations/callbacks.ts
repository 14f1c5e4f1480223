import {
  callbackTargetListSchema,
  callbackTargetSchema,
  callbackTargetWithSecretSchema,
  createCallbackTargetBodySchema,
  updateCallbackTargetBodySchema,
} from '../../../lib/contracts/callback-targets';
import { deliveryListSchema, deliverySchema, listDeliveriesQuerySchema, redriveResultSchema } from '../../../lib/contracts/deliveries';
import type { ApiOperation } from '../api-operation';

const tag = 'callbacks';

export const callbackTargetOperations: ApiOperation[] = [
  { method: 'get', path: '/callback-targets', summary: 'List callback targets (URL + signing secret, which is never shown again after create/rotate)', tag, access: 'operator', response: callbackTargetListSchema },
  {
    method: 'post',
    path: '/callback-targets',
    summary: 'Register a callback URL; the server generates its HMAC secret and returns it in this answer only (409 if the URL has a target)',
    tag,
    access: 'operator',
    body: createCallbackTargetBodySchema,
    response: callbackTargetWithSecretSchema,
    successStatus: 201,
  },
  { method: 'get', path: '/callback-targets/{id}', summary: 'One callback target', tag, access: 'operator', response: callbackTargetSchema },
  { method: 'patch', path: '/callback-targets/{id}', summary: 'Rename, move or enable/disable a callback target', tag, access: 'operator', body: updateCallbackTargetBodySchema, response: callbackTargetSchema },
  { method: 'delete', path: '/callback-targets/{id}', summary: 'Delete a callback target; its deliveries still retrying end as failed', tag, access: 'operator', successStatus: 204 },
  {
    method: 'post',
    path: '/callback-targets/{id}/rotate-secret',
    summary: 'Replace the signing secret (the new one is in this answer only); also how to learn the secret of an auto-created target',
    tag,
    access: 'operator',
    response: callbackTargetWithSecretSchema,
  },
];

export const deliveryOperations: ApiOperation[] = [
  { method: 'get', path: '/deliveries', summary: 'Alarm callback deliveries, newest first, each with its recent attempts', tag, access: 'viewer', query: listDeliveriesQuerySchema, response: deliveryListSchema },
  { method: 'get', path: '/deliveries/{id}', summary: 'One delivery with its attempts', tag, access: 'viewer', response: deliverySchema },
  {
    method: 'post',
    path: '/deliveries/{id}/redrive',
    summary: 'Start a new delivery run (full retry period) for a failed, dead or stuck delivery; 409 if delivered or still retrying',
    tag,
    access: 'operator',
    response: redriveResultSchema,
    successStatus: 202,
  },
];

