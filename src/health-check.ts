import { join } from 'node:path';
import { loadConfig } from './config.js';
import { evaluateHealth, HEALTH_FILE, readHealth } from './health.js';

/**
 * `npm run health`: exit 0 when the bot is healthy, 1 with a one-line reason when it is not.
 * The container's HEALTHCHECK runs the compiled form of this file.
 */
const loaded = loadConfig();
if (!loaded.ok) {
  process.stdout.write(`unhealthy: the configuration has a problem: ${loaded.problems[0] ?? ''}\n`);
  process.exit(1);
}
const path = join(loaded.config.dataDir, HEALTH_FILE);
const verdict = evaluateHealth(readHealth(path), Date.now());
process.stdout.write(`${verdict.healthy ? 'healthy' : 'unhealthy'}: ${verdict.reason}\n`);
process.exit(verdict.healthy ? 0 : 1);
