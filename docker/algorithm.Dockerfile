# A built-in algorithm server (algorithms/<ALGORITHM>), built from the repository root; its vigil-algorithm.json
# names the tag, e.g.
#   docker build -f docker/algorithm.Dockerfile --build-arg ALGORITHM=motion -t vigil/algorithm-motion:1.0.0 .
# It speaks DESIGN.md §4.1 on $PORT (8080, as the manifests say; the Kubernetes runtime sets PORT too).

FROM node:24.21.0-bookworm-slim AS dependencies
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24.21.0-bookworm-slim AS algorithm
ARG ALGORITHM
ENV NODE_ENV=production PORT=8080 VIGIL_ALGORITHM=${ALGORITHM}
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
# package.json makes the sources ES modules; the servers need algorithms/, the pure lib/ and the logger.
COPY package.json tsconfig.json ./
COPY algorithms ./algorithms
COPY lib ./lib
COPY server/logger.ts ./server/logger.ts
RUN test -f "algorithms/${VIGIL_ALGORITHM}/server.ts" \
 || { echo "--build-arg ALGORITHM=<a folder of algorithms/ with a server.ts> is required (got '${VIGIL_ALGORITHM}')" >&2; exit 1; }
USER 1000:1000
EXPOSE 8080
CMD ["sh", "-c", "exec node --import tsx \"algorithms/${VIGIL_ALGORITHM}/server.ts\""]
