# recap-graph service image. The embedded Kuzu store works in the container too;
# docker-compose.yml runs it against Neo4j instead.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY schema ./schema
COPY cypher ./cypher
COPY fixtures ./fixtures
COPY public ./public
RUN npm run build && npm prune --omit=dev
ENV HOST=0.0.0.0 PORT=4000 DATA_DIR=/app/data
EXPOSE 4000
USER node
CMD ["node", "dist/src/server/main.js"]
