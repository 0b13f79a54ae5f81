// English words for the tests' own titles (the app's words are in messages/<locale>.json).

// Words spelled with a vowel but said with a consonant ("a user", "a one-off"), and the reverse ("an hour").
const SAYS_CONSONANT = /^(u[bcfhjklmnpqrstvxz][aeiouy]|uni|use|usu|ure|eu|ewe|one\b|once\b)/;
const SAYS_VOWEL = /^(hour|honest|honou?r|heir)/;

/** The phrase with its indefinite article: "an implementation admin", "a coach", "a user", "an hour". */
export function withArticle(phrase: string): string {
  const word = phrase.trim().toLowerCase();
  const vowel = SAYS_VOWEL.test(word) || (/^[aeiou]/.test(word) && !SAYS_CONSONANT.test(word));
  return `${vowel ? "an" : "a"} ${phrase.trim()}`;
}
