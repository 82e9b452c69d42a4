export default function QuestionLoading() {
  return (
    <p className="muted" role="status" aria-live="polite">
      Loading the question…
    </p>
  );
}
