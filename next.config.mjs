/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks every request.
  serverExternalPackages: ['@electric-sql/pglite'],
  // Tests build into their own folder so they never clobber a running server's build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` in CI; building does not repeat the work.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    // Imports accept files up to 10 MB; the proxy's own cap would cut such a body short.
    proxyClientMaxBodySize: '12mb',
  },
};

export default nextConfig;
