import { resourcePolicy } from "../lib/define";
import { durationDays } from "../lib/duration";
import { elements, get, sameString } from "../lib/props";
import { KEY } from "../lib/tokens";

export const keyVaultKeyRotation = resourcePolicy<{ maximumRotationDays: number }>({
    name: "key-vault-key-rotation",
    description: "Key Vault keys must rotate automatically within the configured number of days (KEY-02).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KEY-02"],
    azurePolicy: ["d8cf8476-a2ec-4916-896e-992351803c44"],
    remediation: "Add properties.rotationPolicy.lifetimeActions with { action: { type: \"rotate\" }, trigger: { timeAfterCreate: \"P90D\" } } (at most the configured days, default 365).",
    configSchema: { properties: { maximumRotationDays: { type: "integer", minimum: 1, default: 365, description: "Longest allowed time between automatic rotations, in days." } } },
    types: [KEY],
    check: r => {
        const max = r.config.maximumRotationDays;
        const actions = elements(get(r.props, "properties.rotationPolicy.lifetimeActions"));
        const rotations = actions.filter(a => sameString(get(a, "action.type"), "rotate"));
        const found = rotations.map(a => get(a, "trigger.timeAfterCreate"));
        if (found.some(t => { const d = durationDays(t); return d !== undefined && d <= max; })) {
            return;
        }
        r.report({
            path: "properties.rotationPolicy.lifetimeActions[].trigger.timeAfterCreate",
            expected: `a "rotate" action triggered at most P${max}D after creation`,
            found: rotations.length ? found : undefined,
            fix: `add lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P${Math.min(max, 90)}D" } }].`,
        });
    },
});
