import type { NextConfig } from 'next';

// Native and Node-only packages stay out of the server bundle: they are loaded from node_modules at run time.
const nextConfig: NextConfig = {
  serverExternalPackages: ['better-sqlite3', 'pg', 'pino', '@temporalio/client', '@temporalio/common', '@temporalio/proto'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
