/**
 * A URL-safe slug of a text: accents dropped, lowercase, every run of other characters one '-',
 * no leading or trailing '-', at most `maxLength` characters; "" when nothing is left
 * ("Ana Pérez" → "ana-perez"). Question ids and user handles start from one.
 */
export function slugify(text: string, maxLength: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}
