/**
 * The error message(s) of one form field, shown under it (id lets the input point at it via
 * aria-describedby): zod's string[] of a field, or one message.
 */
export function FieldError({ id, errors }: { id: string; errors?: string | readonly string[] }) {
  const text = typeof errors === "string" ? errors : errors?.join(" ");
  if (!text) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  );
}
