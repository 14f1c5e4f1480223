import { compilePipeline, type CompileResult } from '../../lib/pipeline/compile-pipeline';
import type { AppContext } from '../app-context';
import { loadCompileCatalog } from './load-compile-catalog';

/** Compiles a graph against the current cameras and algorithms without saving anything. */
export async function validateGraph(app: AppContext, graph: unknown, pipeline: { id: string; name: string; revision: number } = { id: 'draft', name: 'draft', revision: 0 }): Promise<CompileResult> {
  return compilePipeline({ graph, pipeline, catalog: await loadCompileCatalog(app.db, graph) });
}
