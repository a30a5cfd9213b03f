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
# One image for both modes: BOT_MODE=polling (default, one instance, SQLite in the volume) or BOT_MODE=webhook with
# WEBHOOK_URL and WEBHOOK_SECRET (any number of instances behind a load balancer, DATABASE_URL=postgres://…).
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=sqlite:var/lysty.sqlite \
    BOT_MODE=polling \
    PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The letter editor's page is bundled from these sources by esbuild when first requested (docs/webapp.md).
COPY --from=build /app/src/webapp ./src/webapp
COPY --from=build /app/src/domain/censorship ./src/domain/censorship
COPY package.json ./
COPY locales ./locales
# Shipped data (prisoner directory seed, censorship lexicon) belongs to the image: a new image brings new data.
COPY data ./data
# The compiled migrations live in dist/migrations; the migrator finds them next to the compiled code.
# What the instance writes (the SQLite file and its heartbeat) lives in var/, the volume, apart from shipped data.
RUN mkdir -p /app/var && chown -R node:node /app/var
USER node
VOLUME ["/app/var"]
# Webhook, /healthz, /readyz and /metrics (webhook mode; METRICS_PORT adds them in polling mode).
EXPOSE 8080
# Webhook mode: GET /healthz on PORT. Polling mode: the heartbeat file the runner touches while it polls.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node dist/src/cli/healthcheck.js || exit 1
# SIGTERM (docker stop) stops taking updates, finishes those in flight and stops the workers; allow it 30 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
