import type { MetadataRoute } from "next";

/** Lets a phone keep Pathwise on its home screen with its own name and icon. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Pathwise",
    short_name: "Pathwise",
    start_url: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#4338ca",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
      { src: "/apple-touch-icon.png", type: "image/png", sizes: "180x180" },
    ],
  };
}
