import { describe, expect, it } from 'vitest';
import { effectiveCommand, effectiveUser, isPinnedBaseImage, isRootUser, parseDockerfile, stageChain } from './dockerfile-stages';

const dockerfile = `# comment
ARG GLOBAL=1
FROM node:24.21.0-bookworm-slim AS build
RUN apt-get update \\
 && apt-get install -y make
COPY package.json package-lock.json ./
FROM --platform=linux/amd64 node:24.21.0-bookworm-slim AS runtime
ARG ALGORITHM
COPY --from=build /app/node_modules ./node_modules
COPY algorithms ./algorithms
user 1000:1000
EXPOSE 8080 9090/tcp
FROM runtime AS extra
CMD ["node"]
`;

describe('parseDockerfile', () => {
  it('reads stages, their args, users, exposed ports and build-context sources', () => {
    const { globalArgs, stages } = parseDockerfile(dockerfile);
    expect(globalArgs).toEqual(['GLOBAL']);
    expect(stages.map((stage) => [stage.name, stage.from])).toEqual([['build', 'node:24.21.0-bookworm-slim'], ['runtime', 'node:24.21.0-bookworm-slim'], ['extra', 'runtime']]);
    expect(stages[0]!.contextSources).toEqual(['package.json', 'package-lock.json']);
    expect(stages[1]).toMatchObject({ args: ['ALGORITHM'], user: '1000:1000', exposed: [8080, 9090], contextSources: ['algorithms'] });
    expect(stageChain(stages, 'extra').map((stage) => stage.name)).toEqual(['extra', 'runtime']);
    expect(effectiveUser(stages, 'extra')).toBe('1000:1000');
    expect(effectiveUser(stages, 'build')).toBeUndefined();
  });

  it('reads ENTRYPOINT and CMD as the command a container runs, a base CMD dropped by a later ENTRYPOINT', () => {
    const { stages } = parseDockerfile(`FROM node:24.21.0-bookworm-slim AS base
CMD ["node", "old.js"]
FROM base AS inherits
FROM base AS server
ENTRYPOINT ["node", "server.js"]
CMD ["--port", "8090"]
FROM base AS reset
ENTRYPOINT ["node", "reset.js"]
FROM node:24.21.0-bookworm-slim AS shell
CMD node shell.js --verbose
`);
    expect(effectiveCommand(stages, 'inherits')).toEqual(['node', 'old.js']);
    expect(effectiveCommand(stages, 'server')).toEqual(['node', 'server.js', '--port', '8090']);
    expect(effectiveCommand(stages, 'reset')).toEqual(['node', 'reset.js']);
    expect(effectiveCommand(stages, 'shell')).toEqual(['/bin/sh', '-c', 'node shell.js --verbose']);
  });
});

describe('isPinnedBaseImage', () => {
  it('accepts a full release tag and refuses floating tags, variables and bare digests', () => {
    expect(isPinnedBaseImage('node:24.21.0-bookworm-slim')).toBe(true);
    expect(isPinnedBaseImage('debian:bookworm-20250203-slim')).toBe(false);
    expect(isPinnedBaseImage(`node:24.21.0-bookworm-slim@sha256:${'0'.repeat(64)}`)).toBe(true);
    for (const floating of ['node', 'node:latest', 'node:24', 'node:24-bookworm-slim', 'node:lts', 'node:${NODE_VERSION}', 'node:24.x-bookworm-slim@sha256:<digest>']) {
      expect(isPinnedBaseImage(floating), floating).toBe(false);
    }
  });
});

describe('isRootUser', () => {
  it('treats no USER, root and uid 0 as root', () => {
    for (const user of [undefined, 'root', '0', '0:0', 'root:1000']) expect(isRootUser(user), String(user)).toBe(true);
    for (const user of ['1000', '1000:1000', 'node']) expect(isRootUser(user), user).toBe(false);
  });
});
