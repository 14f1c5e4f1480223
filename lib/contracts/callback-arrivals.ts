import { z } from 'zod';

/** One request the built-in receiver (/api/callback/handle) got, kept for debugging. */
export const callbackArrivalSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  verified: z.boolean(),
  targetId: z.string().nullable().describe('the target whose secret verified the signature'),
  reason: z.string().nullable().describe('why it is not verified'),
  eventId: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  body: z.string().describe('first 64 KiB of the body'),
  bodyBytes: z.number().int(),
});
export type CallbackArrival = z.infer<typeof callbackArrivalSchema>;

export const callbackArrivalListSchema = z.object({ items: z.array(callbackArrivalSchema) });

export const listCallbackArrivalsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const receivedCallbackSchema = z.object({ received: z.literal(true), id: z.string(), verified: z.boolean() });
