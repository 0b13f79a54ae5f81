/** Every message of a locale's file by its dotted key ("Goals.forms.addGoal" -> "Add goal"). */
export function flatMessages(messages: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatMessages(value as object, path)) out.set(k, v);
  }
  return out;
}
