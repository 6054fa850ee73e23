import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The deployment files say what the issue asks of them. The image itself is proven by
 * `npm run test:container` (built, inspected and run with podman); these are the lines a host relies on.
 */
const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim());

describe('docker-compose.yml', () => {
  const compose = lines('docker-compose.yml');
  it('restarts unless stopped, reads .env, keeps the data in the named volume layani-data, and rotates logs', () => {
    expect(compose).toContain('restart: unless-stopped');
    expect(compose).toContain('env_file: .env');
    expect(compose).toContain('- layani-data:/app/data');
    expect(compose).toContain('name: layani-data');
    expect(compose).toContain('driver: json-file');
    expect(compose).toContain('max-size: "10m"');
    expect(compose).toContain('max-file: "5"');
  });

  it('shows where PAIRING_NUMBER goes, commented out, and gives the bot time to stop', () => {
    expect(compose.some((l) => /^#\s*PAIRING_NUMBER: "\d+"/.test(l))).toBe(true);
    expect(compose).toContain('stop_grace_period: 20s');
  });
});

describe('Dockerfile and .dockerignore', () => {
  it('builds in stages on node:24-bookworm-slim and runs node itself, as node, with /app/data a volume', () => {
    const docker = lines('Dockerfile');
    expect(docker.filter((l) => l.startsWith('FROM ')).every((l) => l.startsWith('FROM node:24-bookworm-slim'))).toBe(true);
    expect(docker.filter((l) => l.startsWith('FROM ')).length).toBeGreaterThanOrEqual(2);
    expect(docker).toContain('USER node');
    expect(docker).toContain('VOLUME /app/data');
    expect(docker).toContain('CMD ["node", "dist/src/main.js"]');
    expect(docker.some((l) => l.startsWith('HEALTHCHECK ') && l.includes('dist/src/health-check.js'))).toBe(true);
    expect(docker.some((l) => l.startsWith('ENTRYPOINT'))).toBe(false);
  });

  it('keeps data, node_modules and .git out of the build context', () => {
    const ignore = lines('.dockerignore');
    for (const entry of ['data/*', 'node_modules', '.git', '.env']) expect(ignore).toContain(entry);
  });
});
