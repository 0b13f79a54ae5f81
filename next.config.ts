import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  // Native argon2 binding: loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  // CSV imports are uploaded through a server action: room for the 5 MB file limit and the form around it.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

export default config;
