# syntax=docker/dockerfile:1
#
# One image for every service of the shop supergraph. The first argument picks
# what runs (see main.ts):
#   docker run IMAGE gateway|users|catalog|inventory|orders|payments|reviews|recommendations|shipping|pricing|notifications
#   docker run IMAGE            # "all": the whole supergraph in one process
# All settings are environment variables (platform/config.ts).

# ---- build: compile TypeScript to dist/ -------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app

# `npm install`, not `npm ci`: the lockfile cannot list every platform's
# native binaries (@node-rs/argon2, libsql), so npm must resolve them here.
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

COPY tsconfig*.json main.ts stack.ts ./
COPY platform/ platform/
COPY contracts/ contracts/
COPY subgraphs/ subgraphs/
COPY gateway/ gateway/
COPY scripts/ scripts/
COPY schema/ schema/
# The client package (client/) is built with the rest; the image only needs its manifest.
COPY client/ client/
RUN npm run build
# The storefront and the agent console, served by the gateway from web/dist.
COPY web/ web/
RUN npm run build:web

# ---- runtime: production dependencies + compiled code -----------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist/ dist/
# The gateway reads schema/supergraph.graphql next to package.json at runtime.
COPY --from=build /app/schema/ schema/
# The web apps' static files (WEB_APPS=true serves them at / and /admin).
COPY --from=build /app/web/dist/ web/dist/
# The persisted-operations manifest (codegen's output for client/operations): served by id, and the list SAFELIST=true allows.
COPY --from=build /app/client/__generated__/persisted-documents.json client/__generated__/persisted-documents.json

# Without MONGODB_URL the services keep SQLite files in DATA_DIR (default
# /app/data); make it writable for the unprivileged user.
RUN mkdir -p /app/data && chown node:node /app/data

USER node
# Gateway on 4000, subgraphs on 4001-4005 and 4008-4011, notifications' /health on 4006 (defaults; each is configurable).
EXPOSE 4000 4001 4002 4003 4004 4005 4006 4008 4009 4010 4011

# No HEALTHCHECK here: the same image serves /health on a different port per
# service, so docker-compose.yml declares one per service.
ENTRYPOINT ["node", "dist/main.js"]
CMD ["all"]
