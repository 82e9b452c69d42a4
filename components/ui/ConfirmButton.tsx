"use client";

import { useState } from "react";

/**
 * A destructive submit button that asks first, in the page: the first click shows the question with
 * "confirm" and "Cancel"; only the confirm button submits the form (with `name`=`value` when given).
 */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  name,
  value,
  className = "btn btn-danger",
  disabled,
  ariaLabel,
}: {
  label: string;
  confirmLabel: string;
  question: string;
  name?: string;
  value?: string;
  className?: string;
  disabled?: boolean;
  ariaLabel?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className={className} disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="row" role="group" aria-label={question}>
      <span role="alert">{question}</span>
      <button type="submit" name={name} value={value} className="btn btn-danger" disabled={disabled}>
        {confirmLabel}
      </button>
      <button type="button" className="btn" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
