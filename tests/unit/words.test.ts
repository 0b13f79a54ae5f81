import { describe, expect, it } from "vitest";
import { ROLE_LABELS, roleInSentence } from "../../lib/labels";
import { Role } from "../../lib/db/generated/enums";
import { plural, withArticle } from "../../lib/words";

describe("the indefinite article", () => {
  it("goes by the sound of the first word, not only its letter", () => {
    expect(withArticle("implementation admin")).toBe("an implementation admin");
    expect(withArticle("admin")).toBe("an admin");
    expect(withArticle("owner")).toBe("an owner");
    expect(withArticle("coach")).toBe("a coach");
    expect(withArticle("programme manager")).toBe("a programme manager");
    expect(withArticle("user")).toBe("a user");
    expect(withArticle("unit")).toBe("a unit");
    expect(withArticle("umbrella")).toBe("an umbrella");
    expect(withArticle("hour")).toBe("an hour");
    expect(withArticle("one-off")).toBe("a one-off");
  });

  it("keeps the phrase as written", () => {
    expect(withArticle("Implementation admin")).toBe("an Implementation admin");
  });

  it("is what every role reads as in a sentence", () => {
    const sentences = Object.values(Role).map((r) => roleInSentence(r));
    expect(sentences).toEqual(Object.values(Role).map((r) => withArticle(ROLE_LABELS[r].toLowerCase())));
    expect(roleInSentence("IMPLEMENTATION_ADMIN")).toBe("an implementation admin");
    expect(roleInSentence("PARTICIPANT")).toBe("a participant");
  });
});

describe("counts", () => {
  it("agree with their number", () => {
    expect(plural(0, "row")).toBe("0 rows");
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(2, "address", "addresses")).toBe("2 addresses");
    expect(plural(12000, "user")).toBe("12,000 users");
  });
});
