import Link from "next/link";

export default function NotFound() {
  return (
    <section className="card empty">
      <h2>Page not found</h2>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/system">Go to the System page</Link>
      </p>
    </section>
  );
}
