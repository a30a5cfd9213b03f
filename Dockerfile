# syntax=docker/dockerfile:1
# Build stage: compiles TypeScript and better-sqlite3's native module (it needs python3, make and g++).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies, compiled code, locales, migrations and shipped data; no compilers.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=sqlite:data/lysty.sqlite
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY locales ./locales
COPY data ./data
# The compiled migrations live in dist/migrations; the migrator finds them next to the compiled code.
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
VOLUME ["/app/data"]
# Healthy while the process is alive and its database file is readable; webhook mode adds /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node dist/src/cli/healthcheck.js || exit 1
CMD ["node", "dist/src/main.js"]
