import { FieldError } from "@/components/ui/FieldError";
import { MAX_RATIONALE_LENGTH } from "@/lib/validation/forecast";

// What every forecast form of the question page shows the same way: the answer of its server action, and
// the rationale field (optional, up to 5,000 characters; lib/validation/forecast).

/** The server action's answer above the fields: a refusal that belongs to no field, or the success note. */
export function ForecastFormStatus({ state, showSuccess }: { state: { ok: boolean; message?: string } | null; showSuccess: boolean }) {
  return (
    <>
      {state?.message && !state.ok ? (
        <p className="form-error" role="alert" data-testid="forecast-form-error">
          {state.message}
        </p>
      ) : null}
      {state?.ok && showSuccess ? (
        <p className="notice notice-success" role="status" data-testid="forecast-form-success">
          {state.message}
        </p>
      ) : null}
    </>
  );
}

/** The rationale box with its character count and error (id "rationale-error"). */
export function RationaleField({
  value,
  onChange,
  onBlur,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error: string | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor="forecast-rationale">Rationale</label>
      <textarea
        id="forecast-rationale"
        name="rationale"
        rows={4}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? "rationale-error" : null, "forecast-rationale-hint"].filter(Boolean).join(" ")}
      />
      <p className="field-hint" id="forecast-rationale-hint">
        Optional. Why you think so ({value.length.toLocaleString("en")} / {MAX_RATIONALE_LENGTH.toLocaleString("en")} characters).
      </p>
      <FieldError id="rationale-error" errors={error} />
    </div>
  );
}
