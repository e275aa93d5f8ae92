// Lint rules for the whole repository (npm run lint, part of npm test).
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: ["**/node_modules/**", "policies/*/bin/**", "test/fixtures/**", "**/*.d.ts"],
    },
    ...tseslint.configs.recommended,
    {
        rules: {
            // Policies and the wire formats handle arbitrary JSON from the engine.
            "@typescript-eslint/no-explicit-any": "off",
            // CommonJS entry points and lazy loads are deliberate (see commands/collaborators.ts).
            "@typescript-eslint/no-require-imports": "off",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
            eqeqeq: ["error", "always"],
            "no-var": "error",
            "prefer-const": "error",
        },
    },
    {
        // chai's property assertions (`expect(x).to.be.empty`) are expressions.
        files: ["test/**/*.ts", "**/*.test.ts"],
        rules: { "@typescript-eslint/no-unused-expressions": "off" },
    },
);
