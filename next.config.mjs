import { execFileSync } from 'node:child_process';

const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The release this build belongs to: NEXT_DEPLOYMENT_ID when the pipeline names it, else the commit.
 * A browser still running an older release then reloads instead of calling server actions that
 * no longer exist.
 */
function deploymentId() {
  if (process.env.NEXT_DEPLOYMENT_ID) return process.env.NEXT_DEPLOYMENT_ID;
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: import.meta.dirname, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined; // no git (a container build): the start checks ask for NEXT_DEPLOYMENT_ID
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks every request.
  serverExternalPackages: ['@electric-sql/pglite'],
  // Tests build into their own folder so they never clobber a running server's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // A self-contained server bundle in <distDir>/standalone: what containers and hosts run.
  output: 'standalone',
  outputFileTracingRoot: import.meta.dirname,
  // Migrations are read at run time (readiness, DATABASE_MIGRATE_ON_START), not imported.
  outputFileTracingIncludes: { '/**': ['./drizzle/**/*'] },
  deploymentId: deploymentId(),
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` in CI; building does not repeat the work.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  // Files the proxy does not see (framework chunks, icons) still get the safety headers.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
        ],
      },
      { source: '/_next/static/:path*', headers: [{ key: 'Content-Security-Policy', value: STATIC_CSP }] },
      {
        source: '/:file(icon.svg|icon-192.png|icon-512.png|icon-maskable-512.png|apple-touch-icon.png)',
        headers: [{ key: 'Content-Security-Policy', value: STATIC_CSP }],
      },
    ];
  },
  experimental: {
    // Imports accept files up to 10 MB; the proxy's own cap would cut such a body short.
    proxyClientMaxBodySize: '12mb',
  },
};

export default nextConfig;
