# Build stage: compiles TypeScript and better-sqlite3's native module (it needs python3, make and g++).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# better-sqlite3 compiles against the headers this Node ships (/usr/local/include/node) instead of downloading them,
# so the build needs nothing but the npm registry. Override with --build-arg if your base image differs.
ARG npm_config_nodedir=/usr/local
COPY package.json package-lock.json ./
# npm ci's postinstall applies these to node_modules (patch-package; docs/production.md, "The replay boundary").
COPY patches ./patches
# Behind a registry mirror or proxy, two optional build secrets, mounted for this step only and never in a layer:
#   --secret id=npmrc,src=$HOME/.npmrc         registry=https://npm.example.org/ and its auth token
#   --secret id=npm_ca,src=/path/to/proxy-ca.pem  the CA of a TLS-intercepting proxy (PEM), trusted by npm and Node
# Without them npm uses registry.npmjs.org. docs/production.md has the details.
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \
    --mount=type=secret,id=npm_ca,target=/run/secrets/npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
 && npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
# After tsc: bundles the bot's entry into dist/src/main.js (a start reads a few files instead of some 900) and the
# letter editor's page into dist/webapp (esbuild is a build tool, pruned below).
COPY scripts/build-webapp.mjs scripts/bundle-bot.mjs ./scripts/
COPY scripts/bundle-shims ./scripts/bundle-shims
# Lean runtime dependencies: no dev tools; TypeScript stays behind as valibot's optional peer, so it goes by hand;
# better-sqlite3 needs only its compiled module and lib/, not the SQLite sources and object files it was built from.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/typescript \
 && cd node_modules/better-sqlite3 \
 && rm -rf deps src binding.gyp build/deps build/*.mk build/Makefile build/config.gypi \
           build/Release/obj build/Release/obj.target build/Release/.deps build/Release/sqlite3.a \
           build/Release/test_extension.node

# Runtime stage: production dependencies, compiled code and every folder the code reads at run time; no compilers.
# One image for both modes: BOT_MODE=polling (default, one instance, SQLite in /app/var) or BOT_MODE=webhook with
# WEBHOOK_URL and WEBHOOK_SECRET (any number of instances behind a load balancer, DATABASE_URL=postgres://…).
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=sqlite:var/lysty.sqlite \
    BOT_MODE=polling \
    PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
# dist/src (the code, the CLIs in dist/src/cli), dist/migrations, which the migrator finds beside the code, and
# dist/webapp, the letter editor's page bundled at build time.
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY locales ./locales
# pdfkit's fonts for /print.
COPY assets ./assets
# Shipped data (prisoner directory seed, censorship lexicon, letter starters) belongs to the image: a new image
# brings new data. .dockerignore keeps a developer's databases in data/ out of the build context.
COPY data ./data
# What the instance writes (the SQLite file and its heartbeat) lives in var/, apart from shipped data. Mount a volume
# there (-v lysty-var:/app/var) to keep it; no VOLUME line, so containers run without -v leave no anonymous volumes.
RUN mkdir -p /app/var && chown node:node /app/var
USER node
# Webhook, /healthz, /readyz and /metrics (webhook mode; METRICS_PORT adds them in polling mode).
EXPOSE 8080
# Webhook mode: GET /healthz on PORT. Polling mode: the heartbeat file the runner touches while it polls.
# Podman and buildah keep it only with `--format docker`.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/src/cli/healthcheck.js"]
# SIGTERM stops taking updates, finishes those in flight and stops the workers within 25 s (so stop with a grace
# period of 30 s: `docker run --stop-timeout 30`, compose `stop_grace_period: 30s`); during start-up it exits at once.
# Run with an init (`docker run --init`, compose `init: true`) so signals and orphaned children are handled.
STOPSIGNAL SIGTERM
# Source maps: stack traces of the bundled bot name src/*.ts lines. The heap limit is npm start's (package.json): it
# keeps V8 from letting garbage pile up to four times the live heap on a host with plenty of RAM (docs/production.md,
# "Memory"); a test keeps the two the same.
CMD ["node", "--max-old-space-size=1024", "--enable-source-maps", "dist/src/main.js"]
