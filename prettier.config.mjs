/**
 * Formatting is a tool, not a debate: `npm run format` writes, CI runs `npm run format:check`.
 * Imports are sorted (Node built-ins, packages, then "@/…" app modules, then relative ones);
 * Tailwind classes follow the plugin's order.
 */
const config = {
  printWidth: 140,
  plugins: ["@ianvs/prettier-plugin-sort-imports", "prettier-plugin-tailwindcss"],
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[./]"],
  importOrderTypeScriptVersion: "5.9.0",
  tailwindStylesheet: "./app/globals.css",
  tailwindFunctions: ["cn", "cva"],
};

export default config;
