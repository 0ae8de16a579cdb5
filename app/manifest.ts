import type { MetadataRoute } from 'next';

/** Makes Groundwork installable; "/" sends a signed-in person to their own workspace. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Groundwork',
    short_name: 'Groundwork',
    description: 'See which networking efforts pay off — and which to quit.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#17603c',
    background_color: '#17603c',
    categories: ['productivity', 'business'],
    // "/?go=…" opens the quick path in the person's own workspace (or, offline, the one kept on the phone).
    shortcuts: [
      { name: 'Log an event', short_name: 'Log event', url: '/?go=event', icons: [{ src: '/icon-192.png', sizes: '192x192' }] },
      { name: 'They reached out', short_name: 'Reached out', url: '/?go=reached-out', icons: [{ src: '/icon-192.png', sizes: '192x192' }] },
    ],
    icons: [
      { src: '/icon.svg', type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
      { src: '/icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'any' },
      { src: '/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'any' },
      { src: '/icon-maskable-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
    ],
  };
}
