import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Groundwork', template: '%s · Groundwork' },
  description: 'See which networking efforts pay off — and which to quit.',
  appleWebApp: { capable: true, title: 'Groundwork', statusBarStyle: 'default' },
  icons: { icon: '/icon.svg', apple: '/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  viewportFit: 'cover',
  themeColor: '#17603c',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: each carries a fresh CSP nonce and most hold private data.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
