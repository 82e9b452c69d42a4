// Server actions can be called with any serialisable arguments (a crafted request is not limited to
// what our forms send): an object where a question id belongs, or no FormData at all. These checks
// turn that into the action's ordinary "bad input" answer instead of an exception (a 500).

export const BAD_FORM = "The request did not carry this form's fields; reload the page and try again.";

/** True for a real FormData. */
export function isFormData(value: unknown): value is FormData {
  return typeof FormData !== "undefined" && value instanceof FormData;
}

/** A bound id argument (question id, …): a string of 1–200 characters, else null. */
export function boundId(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : null;
}
