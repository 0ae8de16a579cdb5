import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-5 py-12">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-1 text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-stone-700">There is nothing here, or it is not shared with you.</p>
      <p className="mt-6">
        <Link href="/" className="btn-primary">
          Go to my workspace
        </Link>
      </p>
    </main>
  );
}
