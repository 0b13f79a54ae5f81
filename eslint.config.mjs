// ESLint (flat config): Next's core-web-vitals and TypeScript rules, React hooks, and the layer rules
// that keep the code's shape: app/ holds routes and is imported by nobody; components/ and lib/ never
// reach into app/; pages, layouts and actions never build a tenant client themselves (services do).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const noAppImports = {
  group: ["@/app/*", "**/app/*", "../app/*", "../../app/*"],
  message: "app/ holds routes only: move what you need into lib/ or components/.",
};
// What only scripts, tests and benches use never ships in the app.
const noToolImports = {
  group: ["@/tools/*", "**/tools/*", "@/tests/*", "**/tests/*", "@/scripts/*", "**/scripts/*", "@/bench/*", "**/bench/*"],
  message: "tools/, tests/, scripts/ and bench/ are not part of the app.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "lib/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },
  // Email templates render to a standalone HTML document, not a Next page.
  { files: ["emails/**"], rules: { "@next/next/no-head-element": "off" } },
  // Playwright fixtures call their callback `use`; it is not React's.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  {
    files: ["components/**", "lib/**", "emails/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noAppImports, noToolImports] }] },
  },
  {
    files: ["lib/**"],
    // The request layer: the action guard, the session, and the request's language.
    ignores: ["lib/actions/**", "lib/auth/**", "lib/i18n/request*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noAppImports,
            noToolImports,
            { group: ["next/*", "!next/server"], message: "Services in lib/ never import next/*: the route passes what they need." },
            { group: ["@/components/*", "**/components/*"], message: "lib/ is the domain: it does not import UI." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/db/tenant",
              importNames: ["tenantDb"],
              message: "Pages and actions call services; services build the tenant client.",
            },
          ],
          patterns: [noToolImports],
        },
      ],
    },
  },
]);
