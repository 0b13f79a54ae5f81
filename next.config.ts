import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // No next/image in the app: its optimiser route would only be a way to make the server fetch things.
  images: { unoptimized: true },
  // Native argon2 binding: loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
};

export default config;
