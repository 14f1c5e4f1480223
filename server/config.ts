import { configSchema, toVigilConfig, type VigilConfig } from '../lib/config/config-schema';

/** The one place that reads process.env. Fails fast, naming the variable, when a setting is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): VigilConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return toVigilConfig(parsed.data);
}
