import { computeBuildStamp, isBuildCurrent, writeBuildStamp } from './build-stamp';
import { spawnPrefixed } from './prefixed-child';
import type { Supervisor } from './supervisor';
import { describeExit } from './supervisor';
import { untilAborted } from './until-aborted';

export interface WebBuildContext {
  root: string;
  nextBin: string;
  env: NodeJS.ProcessEnv;
  supervisor: Supervisor;
  signal: AbortSignal;
  say: (message: string) => void;
}

/** Runs `next build` only when the sources changed since the last successful build (see build-stamp.ts). */
export async function ensureWebBuild(context: WebBuildContext): Promise<void> {
  const { root, say } = context;
  if (isBuildCurrent(root, computeBuildStamp(root))) {
    say('web build is up to date (.next/vigil-build-stamp)');
    return;
  }
  say('building the web app (next build); nothing else runs until it is done');
  const started = Date.now();
  const build = spawnPrefixed('build', process.execPath, [context.nextBin, 'build'], { cwd: root, env: context.env });
  context.supervisor.add(build, { expectedToExit: true });
  const exit = await untilAborted(build.exited, context.signal);
  if (exit.code !== 0) throw new Error(`next build failed (${describeExit(exit)}); see the [build] lines above`);
  // Stamped after the build: Next.js may itself touch tsconfig.json on its first build.
  writeBuildStamp(root, computeBuildStamp(root));
  say(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
