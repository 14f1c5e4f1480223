# Vigil's own image, built from the repository root. Target `vigil` (the default) runs the web app, the worker, the
# media server and the database prepare step: the Kubernetes manifests pick one with `command` (k8s/base). Target
# `analyzer` is the image the Kubernetes runtime gives analyzers (runtime/analyzer-workload.ts).
#   docker build -f docker/vigil.Dockerfile --target vigil -t vigil/vigil:0.1.0 .
#   docker build -f docker/vigil.Dockerfile --target analyzer -t vigil/analyzer:0.1.0 .
# Every base is a concrete release tag (the Node.js version the bootstrap runs); bump them together.

FROM node:24.21.0-bookworm-slim AS dependencies
WORKDIR /app
# Native addons (better-sqlite3) compile here when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM dependencies AS web-build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npx --no-install next build && rm -rf .next/cache

FROM dependencies AS production-dependencies
# tsx stays: it is a runtime dependency (processes start as `node --import tsx <file>.ts`).
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:24.21.0-bookworm-slim AS runtime
# ffmpeg from Debian: camera relays, restreams, analyzers' decoding, snapshots and probes.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 VIGIL_DATA_DIR=/var/lib/vigil
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY . .
COPY --from=web-build /app/.next ./.next
# Writable only where the manifests mount volumes; the rest of the image is read-only at run time.
RUN mkdir -p .next/cache /var/lib/vigil && chown 1000:1000 .next/cache /var/lib/vigil
# The base image's `node` user, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000

FROM runtime AS analyzer
EXPOSE 8090
# The run spec (it holds a service token) comes in VIGIL_ANALYZER_RUN_SPEC, from the workload's Secret; port 8090 is
# the analyzer workload's (runtime/analyzer-workload.ts). tsx caches in /tmp, an emptyDir in every workload pod.
ENTRYPOINT ["node", "--import", "tsx", "analyzer/main.ts"]
CMD ["--host", "0.0.0.0", "--port", "8090"]

FROM runtime AS vigil
EXPOSE 3000 5200 31935 30080 30081
CMD ["node", "--import", "tsx", "server/web/web-server.ts"]
