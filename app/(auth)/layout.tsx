import Link from 'next/link';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <header className="mb-6">
        <Link href="/" className="text-2xl font-bold tracking-tight text-brand-800">
          Groundwork
        </Link>
      </header>
      <main className="card w-full max-w-md">{children}</main>
    </div>
  );
}
