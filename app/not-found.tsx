import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-medium text-stone-500 dark:text-stone-400">404</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Page not found</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        This page does not exist, or it belongs to a workspace you are not a member of. If someone sent you a link, ask them to add you to
        their workspace.
      </p>
      <Link href="/" className="mt-6 underline underline-offset-2">
        Go to your workspaces
      </Link>
    </main>
  );
}
