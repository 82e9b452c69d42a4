import Link from "next/link";

export default function QuestionNotFound() {
  return (
    <section className="card">
      <h1>Question not found</h1>
      <p>There is no question with this address. It may have been removed, or the link may be mistyped.</p>
      <p>
        <Link href="/questions">Back to all questions</Link>
      </p>
    </section>
  );
}
