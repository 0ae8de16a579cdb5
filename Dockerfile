# syntax=docker/dockerfile:1
# Groundwork's production image: the standalone server (scripts/serve.mjs) on Node 20, as an
# unprivileged user. Build with the release id, which browsers use to notice a new release:
#   docker build --build-arg NEXT_DEPLOYMENT_ID=$(git rev-parse --short=12 HEAD) -t groundwork .
# `--target migrate` builds a one-shot image that applies migrations (see docs/deploy.md).
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ARG NEXT_DEPLOYMENT_ID
RUN test -n "$NEXT_DEPLOYMENT_ID" || { echo 'Pass --build-arg NEXT_DEPLOYMENT_ID=<release id>' >&2; exit 1; }
ENV NEXT_DEPLOYMENT_ID=$NEXT_DEPLOYMENT_ID
RUN npm run build:standalone

# Migrations as a separate step: the full toolchain, run once per release before the app.
FROM build AS migrate
USER node
CMD ["npx", "tsx", "--conditions=react-server", "scripts/migrate.ts"]

FROM node:${NODE_VERSION}-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
# Owned by root and read-only to the server; only the framework's cache folder is writable.
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
