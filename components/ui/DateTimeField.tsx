"use client";

import { useSyncExternalStore } from "react";
import { viewerTimeZone } from "@/lib/format/date";
import { FieldError } from "./FieldError";

const subscribeNever = () => () => {};
const viewerZone = () => viewerTimeZone();

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Epoch ms as a datetime-local value in the browser's zone ("2025-03-01T14:30"). */
function localValue(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The same in UTC: what the server renders before the browser's zone is known. */
function utcValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/**
 * A date-and-time field in the viewer's local time. The server cannot know the zone, so forms also
 * carry <TimeZoneField/>; the server reads the wall-clock value in that zone (lib/validation/wall-clock).
 */
export function DateTimeField({
  id,
  name,
  label,
  defaultMs,
  errors,
  hint,
  required,
  submitted,
}: {
  id: string;
  name: string;
  label: string;
  defaultMs: number | null;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  /** The value the viewer submitted, kept after a failed submit (wins over defaultMs). */
  submitted?: string;
}) {
  const value = useSyncExternalStore(
    subscribeNever,
    () => (defaultMs === null ? "" : localValue(defaultMs)),
    () => (defaultMs === null ? "" : utcValue(defaultMs)),
  );
  const shown = submitted ?? value;
  // every time on the desk names its zone: the field's is the viewer's (UTC until the page hydrates)
  const zone = useSyncExternalStore(subscribeNever, viewerZone, () => "UTC");
  const describedBy = [errors?.length ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="datetime-local"
        defaultValue={shown}
        key={shown}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      <span className="field-hint" id={`${id}-hint`}>
        {hint ? `${hint} ` : ""}
        <span data-testid={`${id}-zone`}>Your time zone: {zone}.</span>
      </span>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** The browser's IANA time zone as a hidden form field named "timeZone" ("UTC" before hydration). */
export function TimeZoneField() {
  const zone = useSyncExternalStore(
    subscribeNever,
    viewerZone,
    () => "UTC",
  );
  return <input type="hidden" name="timeZone" value={zone} />;
}
