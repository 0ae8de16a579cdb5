import { Wordmark } from '@/app/_components/top-bar';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <header className="mb-6">
        <Wordmark size="2xl" />
      </header>
      <main className="card w-full max-w-md">{children}</main>
    </div>
  );
}
