# recap-graph service image, in three stages:
#   build    full install, TypeScript compiled to dist/
#   deps     production dependencies only (no TypeScript, Jest, linters), without
#            Kuzu's C++ sources and other platforms' binaries (about 500 MB)
#   runtime  slim Node 20, the app read-only and owned by root, run as the
#            non-root user `recap`, which owns only the data volume /data
# The embedded Kuzu store lives in /data; docker-compose.yml runs the service
# against Neo4j instead. Check a build with scripts/simulate-container.sh when no
# Docker engine is at hand.

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied. Kuzu's
# install script also copies its JS and type declarations into place, which
# tsc needs: `npm rebuild kuzu` runs it.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild kuzu
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY bench ./bench
RUN node scripts/build.mjs --force

FROM node:20.20.2-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# `npm rebuild kuzu` runs Kuzu's own install script, which picks its prebuilt binary.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm rebuild kuzu \
  && rm -rf node_modules/kuzu/kuzu-source node_modules/kuzu/prebuilt \
  && npm cache clean --force

FROM node:20.20.2-bookworm-slim AS runtime
# MALLOC_ARENA_MAX=2: as `npm run load` sets it, for a seed at start or a load run
# in the container (glibc reads it at process start; README, "Loading data").
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data MALLOC_ARENA_MAX=2
RUN groupadd --system recap \
  && useradd --system --gid recap --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin recap \
  && mkdir -p /data && chown recap:recap /data && chmod 0750 /data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY cypher ./cypher
COPY fixtures ./fixtures
COPY public ./public
USER recap
VOLUME ["/data"]
EXPOSE 4000
# Ready = the database answers (GET /readyz); Node's own fetch, so no curl in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/server/main.js"]
