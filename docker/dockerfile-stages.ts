/** One build stage of a Dockerfile: its FROM and what the checks in test/k8s-manifests.test.ts look at. */
export interface DockerfileStage {
  name?: string;
  from: string;
  /** The last USER of this stage; undefined when the stage sets none (it inherits its base's). */
  user?: string;
  args: string[];
  exposed: number[];
  /** Sources of COPY/ADD from the build context (not --from another stage). */
  contextSources: string[];
  /** The last ENTRYPOINT and CMD of this stage as argv (the shell form becomes `/bin/sh -c <text>`). */
  entrypoint?: string[];
  cmd?: string[];
}

/** Instructions as Docker reads them: comments dropped, `\` continuations joined, keywords upper-cased. */
export function readInstructions(text: string): Array<{ keyword: string; rest: string }> {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return logical.map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), rest: rest.join(' ') };
  });
}

export function parseDockerfile(text: string): { globalArgs: string[]; stages: DockerfileStage[] } {
  const globalArgs: string[] = [];
  const stages: DockerfileStage[] = [];
  for (const { keyword, rest } of readInstructions(text)) {
    const stage = stages.at(-1);
    if (keyword === 'FROM') {
      const words = rest.split(/\s+/).filter((word) => !word.startsWith('--'));
      const asIndex = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ from: words[0] ?? '', ...(asIndex === -1 ? {} : { name: words[asIndex + 1] }), args: [], exposed: [], contextSources: [] });
    } else if (keyword === 'ARG') {
      (stage ? stage.args : globalArgs).push(rest.split('=')[0]!.trim());
    } else if (!stage) {
      continue;
    } else if (keyword === 'USER') {
      stage.user = rest.trim();
    } else if (keyword === 'EXPOSE') {
      stage.exposed.push(...rest.split(/\s+/).map((port) => Number(port.split('/')[0])));
    } else if (keyword === 'ENTRYPOINT') {
      stage.entrypoint = commandArgv(rest);
    } else if (keyword === 'CMD') {
      stage.cmd = commandArgv(rest);
    } else if ((keyword === 'COPY' || keyword === 'ADD') && !/(^|\s)--from=/.test(rest)) {
      const words = rest.split(/\s+/).filter((word) => !word.startsWith('--'));
      stage.contextSources.push(...words.slice(0, -1));
    }
  }
  return { globalArgs, stages };
}

/** The stage `target` names and the stages it is built on, nearest first (FROM <earlier stage>). */
export function stageChain(stages: readonly DockerfileStage[], target: string): DockerfileStage[] {
  const chain: DockerfileStage[] = [];
  let stage = stages.find((candidate) => candidate.name === target);
  while (stage && !chain.includes(stage)) {
    chain.push(stage);
    const from = stage.from;
    stage = stages.find((candidate) => candidate.name === from);
  }
  return chain;
}

function commandArgv(rest: string): string[] {
  if (rest.trim().startsWith('[')) {
    const parsed: unknown = JSON.parse(rest);
    if (Array.isArray(parsed) && parsed.every((word) => typeof word === 'string')) return parsed;
  }
  return ['/bin/sh', '-c', rest];
}

/**
 * What a target's container runs when nothing overrides it (Kubernetes without `command`/`args`): the nearest
 * ENTRYPOINT along the chain, then the nearest CMD set no earlier than that ENTRYPOINT (an older one is dropped).
 */
export function effectiveCommand(stages: readonly DockerfileStage[], target: string): string[] {
  const chain = stageChain(stages, target);
  const entrypointAt = chain.findIndex((stage) => stage.entrypoint !== undefined);
  const candidates = entrypointAt === -1 ? chain : chain.slice(0, entrypointAt + 1);
  return [...(chain[entrypointAt]?.entrypoint ?? []), ...(candidates.find((stage) => stage.cmd !== undefined)?.cmd ?? [])];
}

/** The user a target's containers run as: the nearest USER along its chain, or the base image's (root) when none. */
export function effectiveUser(stages: readonly DockerfileStage[], target: string): string | undefined {
  return stageChain(stages, target).find((stage) => stage.user !== undefined)?.user;
}

export function isRootUser(user: string | undefined): boolean {
  if (user === undefined) return true;
  const [name] = user.split(':');
  return name === 'root' || name === '0' || name === '';
}

/** `name:<release tag>` such as node:24.21.0-bookworm-slim (an optional real digest may follow); no floating tag. */
export function isPinnedBaseImage(reference: string): boolean {
  if (reference.includes('$')) return false;
  const match = /^([a-z0-9][a-z0-9._/-]*(?::\d+\/[a-z0-9._/-]+)?):([\w][\w.-]*)(@sha256:[0-9a-f]{64})?$/.exec(reference);
  if (!match) return false;
  const tag = match[2]!;
  // A full major.minor.patch version in the tag: `24`, `24-slim`, `lts` or `latest` move under you.
  return /(^|[^\d.])\d+\.\d+\.\d+([^\d.]|$)/.test(tag);
}
