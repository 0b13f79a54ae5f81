import { readFileSync } from "node:fs";
import ts from "typescript";

// Words people read, written in a component or page instead of the message files: JSX text with a
// letter in it, and string literals given to the attributes people read (or hear). Issue 24 moves them
// all into messages/<locale>.json; until then tests/unit/message-literals.test.ts holds the line.

const READ_ATTRIBUTES = new Set(["aria-label", "alt", "title", "placeholder", "label", "hint", "legend", "empty", "summary", "caption"]);
const LETTER = /\p{L}/u;
/** Names, the same in every language. */
const NAMES = new Set(["Pathwise"]);

export type Literal = { file: string; line: number; text: string };

/** Every literal people would read in one TSX source. */
export function literalsIn(file: string, source: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => {
    if (LETTER.test(text) && !NAMES.has(text.trim()))
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) add(init, init.text);
      else if (
        ts.isJsxExpression(init) &&
        init.expression &&
        (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
      )
        add(init.expression, init.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export const literalsOfFile = (file: string) => literalsIn(file, readFileSync(file, "utf8"));
