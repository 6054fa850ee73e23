# layani: one container per shop. Build: docker build -t layani .
# Run:   docker run -d --name layani --env-file .env -v layani-data:/app/data layani

# 1. Compile TypeScript to JavaScript.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY plugins ./plugins
RUN npm run build

# 2. Production dependencies only.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The stemmer's package also ships Sastrawi's Kateglo word list, whose licence (CC BY-NC-SA) does
# not allow a commercial product: layani never loads it (see src/engine/read/stem.ts), and the
# image does not carry it.
RUN npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/ts-sastrawi/dist/dictionary-default.* node_modules/ts-sastrawi/__tests__ node_modules/ts-sastrawi/coverage

# 3. The runtime image: compiled JavaScript and production dependencies, run as `node`.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The seed a fresh store starts from. It sits outside /app/data so an empty volume does not hide it;
# a seed.json placed in the volume takes precedence.
COPY data/seed.json ./dist/data/seed.json
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME /app/data
# Healthy while connected, or while reconnecting for less than 10 minutes (see npm run health).
HEALTHCHECK --interval=60s --timeout=10s --start-period=120s --retries=3 CMD ["node", "dist/src/health-check.js"]
# node is PID 1 and receives SIGTERM from `docker stop` directly.
CMD ["node", "dist/src/main.js"]
