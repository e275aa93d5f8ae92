import { readArray, readPath, resourcePolicy, sameString, tri, TYPES } from "@custom-vision-guardrails/policy-kit";
import { durationDays } from "../lib/duration";

const ACTIONS = "properties.rotationPolicy.lifetimeActions";

export const keyVaultKeyRotation = resourcePolicy<{ maximumRotationDays: number }>({
    name: "key-vault-key-rotation",
    description: "Key Vault keys must rotate automatically within the configured number of days (KEY-02).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KEY-02"],
    azurePolicy: ["d8cf8476-a2ec-4916-896e-992351803c44"],
    remediation:
        'Add properties.rotationPolicy.lifetimeActions with { action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } } (at most the configured days, default 365).',
    configSchema: {
        properties: {
            maximumRotationDays: {
                type: "integer",
                minimum: 1,
                default: 365,
                description: "Longest allowed time between automatic rotations, in days.",
            },
        },
    },
    types: [TYPES.key],
    check: r => {
        const max = r.config.maximumRotationDays;
        r.require({
            path: `${ACTIONS}[].trigger.timeAfterCreate`,
            expected: `a "rotate" action triggered at most P${max}D after creation`,
            holds: tri.some(readArray(r.props, ACTIONS), action =>
                tri.and(
                    sameString(readPath(action, "action.type"), "rotate"),
                    tri.of(readPath(action, "trigger.timeAfterCreate"), t => (durationDays(t) ?? Infinity) <= max),
                ),
            ),
            found: `found ${r.show(ACTIONS)}`,
            fix: `add lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P${Math.min(max, 90)}D" } }].`,
        });
    },
});
