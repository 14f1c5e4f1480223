import { z } from 'zod';
import type { NodeDefinition } from './node-definition';
import { isValidTimezone } from '../../analysis/arming-schedule';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

/** A weekly window when the rule is armed; days 0 = Sunday … 6 = Saturday; end before start spans midnight. */
export const armingWindowSchema = z.strictObject({
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  start: clock,
  end: clock,
});

export const ruleNodeConfig = z.strictObject({
  /** The alarm type operators see and filter on, e.g. "intrusion". */
  alarmType: z.string().trim().min(1, 'name the alarm type').max(100),
  /** Labels that count; empty = every label the algorithm reports. */
  labels: z.array(z.string().min(1)).default([]),
  minScore: z.number().min(0).max(1).default(0.5),
  /** An object must stay this long before the alarm starts. */
  dwellSeconds: z.number().min(0).max(86_400).default(0),
  /** After an alarm ends, the same rule stays quiet this long. */
  cooldownSeconds: z.number().min(0).max(86_400).default(30),
  minCount: z.number().int().min(1).max(1000).default(1),
  /** Absent = always armed. */
  schedule: z.strictObject({ timezone: z.string().min(1).refine(isValidTimezone, 'an IANA time zone such as Asia/Shanghai').default('UTC'), windows: z.array(armingWindowSchema).min(1) }).optional(),
});

export const ruleNode = {
  type: 'rule',
  label: 'Rule',
  description: 'Turns detections into alarms: labels, score, dwell, cooldown, count, arming schedule',
  category: 'analysis',
  ports: { inputs: [{ name: 'detections', type: 'detections' }], outputs: [{ name: 'events', type: 'events' }] },
  config: ruleNodeConfig,
} satisfies NodeDefinition;
