const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'";

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
