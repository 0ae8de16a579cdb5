import Link from 'next/link';

export default function InvitationNotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <main className="card w-full max-w-md">
        <h1 className="text-2xl font-bold">This invitation link is invalid or has expired</h1>
        <p className="mt-2 text-stone-700">
          Invitation links work once and expire after 7 days. Ask the person who invited you to send a new one.
        </p>
        <p className="mt-6">
          <Link href="/" className="btn-secondary">
            Go to Groundwork
          </Link>
        </p>
      </main>
    </div>
  );
}
