import { execFileSync } from 'node:child_process';

/** Makes a real PostgreSQL available to the integration tests (the test command may already have started it). */
export default function setup(): void {
  if (process.env.VIGIL_TEST_POSTGRES_URL) return;
  const url = execFileSync('bash', ['scripts/postgres-for-tests.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  process.env.VIGIL_TEST_POSTGRES_URL = url;
}
