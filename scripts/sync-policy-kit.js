// Copies policies/policy-kit into each pack's src/vendor/policy-kit, so each
// pack directory stays publishable on its own. `--check` only reports drift.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const kit = path.join(root, "policies", "policy-kit");
const packs = ["security", "responsible-ai"];
const check = process.argv.includes("--check");

const files = fs.readdirSync(kit).filter(f => f.endsWith(".ts"));
let drift = [];
for (const pack of packs) {
    const dest = path.join(root, "policies", pack, "src", "vendor", "policy-kit");
    fs.mkdirSync(dest, { recursive: true });
    for (const f of files) {
        const src = fs.readFileSync(path.join(kit, f), "utf8");
        const target = path.join(dest, f);
        const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
        if (current !== src) {
            if (check) {
                drift.push(path.relative(root, target));
            } else {
                fs.writeFileSync(target, src);
            }
        }
    }
}
if (drift.length) {
    console.error(`policy-kit copies differ from policies/policy-kit: ${drift.join(", ")} (run npm run sync:policy-kit)`);
    process.exit(1);
}
