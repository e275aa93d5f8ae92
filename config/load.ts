import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ConfigError } from "./errors";
import { AzureTarget, azureTargetSchema, ConfigKey, configKeys, StackSettings } from "./schema";

export const CONFIG_NAMESPACE = "custom-vision-guardrails";
const AZURE_NAMESPACE = "azure-native";

/**
 * Reads and validates the stack config. Throws one ConfigError naming the
 * first bad key; nothing is registered before this returns.
 */
export function loadStackSettings(): StackSettings {
    const stack = pulumi.getStack();
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    const settings: Record<string, unknown> = {};
    for (const key of Object.keys(configKeys) as ConfigKey[]) {
        const spec = configKeys[key];
        const raw = readRaw(config, stack, key, spec.read);
        const parsed = (spec.schema as z.ZodType).safeParse(raw, { reportInput: true });
        if (!parsed.success) {
            throw toConfigError(stack, key, parsed.error, raw === undefined);
        }
        settings[key] = parsed.data;
    }
    settings.azure = readAzureTarget(stack);
    checkAcrossKeys(stack, settings as StackSettings);
    return settings as StackSettings;
}

function readAzureTarget(stack: string): AzureTarget {
    const config = new pulumi.Config(AZURE_NAMESPACE);
    const raw = {
        subscriptionId: config.get("subscriptionId"),
        tenantId: config.get("tenantId"),
        // The provider reads these two from its environment variables when its config does not set them.
        environment: config.get("environment") ?? process.env.ARM_ENVIRONMENT,
        metadataHost: config.get("metadataHost") ?? process.env.ARM_METADATA_HOSTNAME,
    };
    const parsed = azureTargetSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ConfigError(stack, `${AZURE_NAMESPACE}:${issue.path.join(".")}`, issue.message);
    }
    return parsed.data;
}

function readRaw(config: pulumi.Config, stack: string, key: ConfigKey, read: "string" | "object"): unknown {
    if (read === "string") {
        return config.get(key);
    }
    try {
        return config.getObject<unknown>(key);
    } catch {
        throw new ConfigError(stack, qualified(key), "expected a YAML value of the documented type (see docs/configuration.md)");
    }
}

function toConfigError(stack: string, key: ConfigKey, error: z.ZodError, missing: boolean): ConfigError {
    const issue = error.issues[0];
    const path = issue.path.filter(p => typeof p === "string" || typeof p === "number").map(String);
    const where = [qualified(key), ...path].join(".");
    if (missing) {
        return new ConfigError(stack, qualified(key), `missing; ${issue.message}`);
    }
    const message =
        issue.code === "unrecognized_keys"
            ? `expected only the documented keys (see docs/configuration.md), found ${issue.keys.join(", ")}`
            : issue.message.startsWith("expected")
              ? issue.message
              : `expected a valid value (${issue.message})`;
    return new ConfigError(stack, where, message);
}

function checkAcrossKeys(stack: string, s: StackSettings): void {
    if (!s.allowedLocations.includes(s.location)) {
        throw new ConfigError(
            stack,
            qualified("location"),
            `expected one of allowedLocations (${s.allowedLocations.join(", ")}) for data residency, got ${s.location}`,
        );
    }
    if (!s.customVisionRegions.includes(s.location)) {
        throw new ConfigError(
            stack,
            qualified("location"),
            `expected a region where Custom Vision exists (${s.customVisionRegions.join(", ")}; extend customVisionRegions for a newer one), got ${s.location}`,
        );
    }
    // A VNet cannot link two private DNS zones of the same name: a landing zone's subnet comes with its hub's zones.
    if (s.network.subnetId && !s.privateDnsZoneIds) {
        throw new ConfigError(
            stack,
            qualified("privateDnsZoneIds"),
            "expected the hub's private DNS zone IDs when network.subnetId brings your own subnet (its VNet is linked to the central zones already)",
        );
    }
}

function qualified(key: string): string {
    return `${CONFIG_NAMESPACE}:${key}`;
}
