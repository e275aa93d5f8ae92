import * as pulumi from "@pulumi/pulumi";

/**
 * A bad or missing stack config value. Extends RunError so `pulumi up` prints
 * the one-line message without a stack trace; cvguard prints it and exits 2.
 */
export class ConfigError extends pulumi.RunError {
    constructor(
        readonly stack: string,
        readonly key: string,
        readonly expected: string,
    ) {
        super(`Pulumi.${stack}.yaml: ${key}: ${expected}`);
        this.name = "ConfigError";
        Object.setPrototypeOf(this, ConfigError.prototype);
    }
}
