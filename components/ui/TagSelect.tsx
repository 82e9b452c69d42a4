/**
 * The tag filter of a GET form: a labelled `<select name="tag">` with "All tags" first.
 * `hideLabel` keeps the label for screen readers only (the list page's compact filter bar).
 */
export function TagSelect({ id, tags, value, hideLabel = false }: { id: string; tags: readonly string[]; value?: string | null; hideLabel?: boolean }) {
  return (
    <>
      <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        Tag
      </label>
      <select id={id} name="tag" defaultValue={value ?? ""}>
        <option value="">All tags</option>
        {tags.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </>
  );
}
