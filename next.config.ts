import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_MAX_BYTES } from "./lib/web/request-bounds";

const config: NextConfig = {
  poweredByHeader: false,
  // No next/image in the app: its optimiser route would only be a way to make the server fetch things.
  images: { unoptimized: true },
  // Native argon2 binding: loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  // `npm test` type-checks the whole tree once with tsc, tests included (Next's own check skips test
  // files), before it builds: it says so, and the build does not check the same files again.
  typescript: { ignoreBuildErrors: process.env.PATHWISE_TYPES_CHECKED === "1" },
  // Next's trailing-slash redirects are sent before the proxy runs, so they would carry none of the
  // security headers: proxy.ts sends them instead.
  skipTrailingSlashRedirect: true,
  experimental: {
    // Set on purpose to what the largest form needs (lib/web/request-bounds.ts says which); proxy.ts
    // answers 413 past it before Next reads the body.
    serverActions: { bodySizeLimit: ACTION_BODY_MAX_BYTES },
  },
};

// Each request's language and messages (lib/i18n/request.ts): from the member, never from the URL.
export default createNextIntlPlugin("./lib/i18n/request.ts")(config);
