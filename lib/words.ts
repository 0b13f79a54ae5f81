// Small pieces of English shared by every message the app writes. Client-safe: no imports.

// Words spelled with a vowel but said with a consonant ("a user", "a one-off"), and the reverse ("an hour").
const SAYS_CONSONANT = /^(u[bcfhjklmnpqrstvxz][aeiouy]|uni|use|usu|ure|eu|ewe|one\b|once\b)/;
const SAYS_VOWEL = /^(hour|honest|honou?r|heir)/;

/** The phrase with its indefinite article: "an implementation admin", "a coach", "a user", "an hour". */
export function withArticle(phrase: string): string {
  const word = phrase.trim().toLowerCase();
  const vowel = SAYS_VOWEL.test(word) || (/^[aeiou]/.test(word) && !SAYS_CONSONANT.test(word));
  return `${vowel ? "an" : "a"} ${phrase.trim()}`;
}

/** A count with its noun: "1 row", "3 rows", "2 addresses" (pass the plural when it is not the noun plus "s"). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? noun : nouns}`;
}

/** Who did something when the person is no longer a member of the organisation (their name went with them). */
export const FORMER_MEMBER = "A former member";
