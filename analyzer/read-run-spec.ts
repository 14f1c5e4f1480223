import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AnalyzerRunSpec } from './analyzer-run-spec';

/** Where the Kubernetes runtime hands an analyzer its run spec (JSON, from the workload's Secret). */
export const analyzerRunSpecVariable = 'VIGIL_ANALYZER_RUN_SPEC';

/** A run spec that cannot be read or is not one; the message names where it came from, never its content (a token). */
export class AnalyzerRunSpecError extends Error {
  constructor(source: string, problem: string) {
    super(`analyzer run spec from ${source}: ${problem}`);
    this.name = 'AnalyzerRunSpecError';
  }
}

const text = z.string().min(1);
// What the analyzer relies on before its first frame; loose objects, so that fields it does not check pass through.
const analyzerRunSpecSchema = z.looseObject({
  pipeline: z.looseObject({ id: text, name: z.string(), revision: z.number().int().nonnegative() }),
  analyzer: z.looseObject({
    cameraNodeId: text,
    cameraId: text,
    fps: z.number().positive(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    algorithms: z.array(z.looseObject({ algorithmNodeId: text, algorithmId: text, params: z.record(z.string(), z.unknown()), rules: z.array(z.looseObject({})) })),
  }),
  streamUrl: text,
  algorithms: z.record(z.string(), z.looseObject({ name: z.string(), version: z.string(), baseUrl: z.url() })),
  report: z.looseObject({ endpoint: z.url(), token: text, spoolDir: text }),
  motionGate: z.boolean(),
  restream: z.looseObject({ server: z.looseObject({ host: text, rtmpPort: z.number().int().positive() }), algorithmId: text }).optional(),
  verifier: z.looseObject({ modelVersionId: text, uri: text, sha256: text, inlineBase64: z.string().optional() }).optional(),
});

/**
 * The run spec from VIGIL_ANALYZER_RUN_SPEC when it is set (Kubernetes), else from the `--spec` file (local runtime).
 * Fails with an AnalyzerRunSpecError naming the source; zod's messages name paths, not values, so no token leaks.
 */
export function readAnalyzerRunSpec(options: { environment: Readonly<Record<string, string | undefined>>; specFile?: string }): AnalyzerRunSpec {
  const fromEnvironment = options.environment[analyzerRunSpecVariable];
  const source = fromEnvironment !== undefined ? `the environment variable ${analyzerRunSpecVariable}` : `the file ${options.specFile}`;
  let content: string;
  if (fromEnvironment !== undefined) content = fromEnvironment;
  else if (options.specFile) {
    try {
      content = readFileSync(options.specFile, 'utf8');
    } catch (error) {
      throw new AnalyzerRunSpecError(source, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  } else throw new AnalyzerRunSpecError('nowhere', `give --spec <run-spec.json> or set ${analyzerRunSpecVariable}`);
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new AnalyzerRunSpecError(source, 'not valid JSON');
  }
  const parsed = analyzerRunSpecSchema.safeParse(json);
  if (!parsed.success) throw new AnalyzerRunSpecError(source, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'spec'}: ${issue.message}`).join('; '));
  // The checked value, unchanged: the interface describes more than the schema checks.
  return json as AnalyzerRunSpec;
}
