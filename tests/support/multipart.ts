// Multipart bodies as a browser sends them, for tests and benches that replay one with more in it.

/**
 * The captured multipart `body` with `count` more fields, named `<marker><n>` under the same prefix as
 * the form's own fields (React numbers a form's fields `1_name` when it is an action's second argument).
 */
export function withFields(body: Buffer, contentType: string, count: number, marker: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`not a multipart body: ${contentType}`);
  const b = boundary[1] ?? boundary[2];
  const text = body.toString("latin1");
  const prefix = /name="(\d+_)[^"]*"/.exec(text)?.[1] ?? "";
  const end = text.lastIndexOf(`--${b}--`);
  if (end < 0) throw new Error("the body has no closing boundary");
  const parts: string[] = [];
  for (let i = 0; i < count; i++)
    parts.push(`--${b}\r\nContent-Disposition: form-data; name="${prefix}${marker}${i}"\r\n\r\n${marker}-value-${i}\r\n`);
  return Buffer.concat([
    Buffer.from(text.slice(0, end), "latin1"),
    Buffer.from(parts.join(""), "latin1"),
    Buffer.from(text.slice(end), "latin1"),
  ]);
}
