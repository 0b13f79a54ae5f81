import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Native argon2 binding: loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
};

export default config;
