import { fakeAlphanumeric, fakeGuid, fakeHex } from "./fake-values";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = LOWER.toUpperCase();
const DIGITS = "0123456789";
const SPECIAL = "!@#$%&*()-_=+[]{}<>:?";

/** What @pulumi/random computes (known in an update; the caller blanks it out in a preview). */
export function randomOutputs(type: string, inputs: Record<string, unknown>, seed: string): { id: string; outputs: Record<string, unknown> } {
    const num = (v: unknown, fallback: number) => (typeof v === "number" ? v : fallback);
    switch (type) {
        case "random:index/randomString:RandomString":
        case "random:index/randomPassword:RandomPassword": {
            const on = (k: string) => inputs[k] !== false;
            const alphabet =
                (on("lower") ? LOWER : "") +
                (on("upper") ? UPPER : "") +
                (on("numeric") ? DIGITS : "") +
                (on("special") ? (typeof inputs.overrideSpecial === "string" ? inputs.overrideSpecial : SPECIAL) : "");
            const result = fakeAlphanumeric(seed, num(inputs.length, 16), alphabet || LOWER);
            // The provider's defaults for the character-class inputs, as its state records them.
            const classes = {
                lower: on("lower"),
                upper: on("upper"),
                numeric: on("numeric"),
                number: on("numeric"),
                special: on("special"),
                minLower: num(inputs.minLower, 0),
                minUpper: num(inputs.minUpper, 0),
                minNumeric: num(inputs.minNumeric, 0),
                minSpecial: num(inputs.minSpecial, 0),
            };
            return type.endsWith("RandomPassword")
                ? { id: "none", outputs: { ...classes, result, bcryptHash: `$2a$10$${fakeHex(`${seed}/bcrypt`, 53)}` } }
                : { id: result, outputs: { ...classes, result } };
        }
        case "random:index/randomId:RandomId": {
            const bytes = Buffer.from(fakeHex(seed, num(inputs.byteLength, 8) * 2), "hex");
            const prefix = typeof inputs.prefix === "string" ? inputs.prefix : "";
            const b64Url = bytes.toString("base64url");
            return {
                id: b64Url,
                outputs: {
                    hex: prefix + bytes.toString("hex"),
                    b64Url: prefix + b64Url,
                    b64Std: prefix + bytes.toString("base64"),
                    dec: prefix + BigInt(`0x${bytes.toString("hex")}`).toString(),
                },
            };
        }
        case "random:index/randomUuid:RandomUuid":
        case "random:index/randomUuid4:RandomUuid4": {
            const result = fakeGuid(seed);
            return { id: result, outputs: { result } };
        }
        case "random:index/randomInteger:RandomInteger": {
            const min = num(inputs.min, 0);
            const max = num(inputs.max, min + 100);
            const result = min + (parseInt(fakeHex(seed, 8), 16) % (max - min + 1));
            return { id: String(result), outputs: { result } };
        }
        case "random:index/randomPet:RandomPet": {
            const words = fakeAlphanumeric(seed, num(inputs.length, 2) * 5, LOWER).match(/.{5}/g) ?? [];
            const separator = typeof inputs.separator === "string" ? inputs.separator : "-";
            const parts = typeof inputs.prefix === "string" ? [inputs.prefix, ...words] : words;
            return { id: parts.join(separator), outputs: {} };
        }
        case "random:index/randomBytes:RandomBytes": {
            const bytes = Buffer.from(fakeHex(seed, num(inputs.length, 16) * 2), "hex");
            return { id: "none", outputs: { base64: bytes.toString("base64"), hex: bytes.toString("hex") } };
        }
        default:
            return { id: fakeHex(seed, 16), outputs: {} };
    }
}
