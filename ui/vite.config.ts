import { defineConfig } from "vitest/config";

// Tauri serves ui/dist; the dev server port is the one tauri.conf.json names.
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
