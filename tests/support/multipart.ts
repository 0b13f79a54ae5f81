// Multipart bodies as a browser sends them, for tests and benches that replay one with more in it.

/**
 * The captured multipart `body` with `count` more fields named `<marker><n>`, first, under the same
 * prefix as the form's own fields: React names a form's fields `_1_name` when the form is an action's
 * second argument, and reads them up to the part that refers to them, so later ones would not count.
 */
export function withFields(body: Buffer, contentType: string, count: number, marker: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`not a multipart body: ${contentType}`);
  const b = boundary[1] ?? boundary[2];
  const prefix = /name="(_?\d+_)[^"]*"/.exec(body.toString("latin1"))?.[1] ?? "";
  const parts: string[] = [];
  for (let i = 0; i < count; i++)
    parts.push(`--${b}\r\nContent-Disposition: form-data; name="${prefix}${marker}${i}"\r\n\r\n${marker}-value-${i}\r\n`);
  return Buffer.concat([Buffer.from(parts.join(""), "latin1"), body]);
}
