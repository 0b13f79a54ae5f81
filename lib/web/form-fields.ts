import { z } from "zod";

// Form values arrive as strings, a repeated field as an array (or one string when it has one value);
// these turn them into what services take.

/** Zero or more ids from repeated form fields (checkboxes, multi-selects). */
export function idList(message = "Choose from the list", max = 100) {
  return z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid({ error: message })).max(max));
}

/** An id from a select whose empty option means "none". */
export function optionalId(message = "Choose from the list") {
  return z.union([z.literal("").transform(() => null), z.uuid({ error: message })]);
}
