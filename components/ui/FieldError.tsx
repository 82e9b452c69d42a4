/** The error messages of one form field, shown under it (id lets the input point at it via aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors?: readonly string[] }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {errors.join(" ")}
    </p>
  );
}
