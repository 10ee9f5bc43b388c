# One image for every Khabar service; compose picks the entry point with `command`.
# Node 24 runs the TypeScript sources directly (type stripping): no build step, no source maps.
FROM node:24-slim AS deps
WORKDIR /app
RUN npm install -g pnpm@9 --no-audit --no-fund --loglevel=error
COPY . .
RUN pnpm install --frozen-lockfile --prod --ignore-scripts=false \
 && rm -rf /root/.local/share/pnpm /root/.cache

FROM node:24-slim
ENV NODE_ENV=production
# WORKER_NODE_FLAGS / WORKER_ENV (packages/worker-kit/src/node-flags.ts): every stage under 250 MB.
# Every stage, the tagger included, runs with these (WORKER_NODE_FLAGS in packages/worker-kit).
ENV NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=192" MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=deps --chown=root:root /app /app
# Raw page archive (a volume shared by fetchers and parsers).
RUN mkdir -p /data/archive && chown node:node /data/archive
USER node
ENV KHABAR_ARCHIVE_DIR=/data/archive
EXPOSE 8080 9464
CMD ["node", "services/api/src/main.ts"]
