import { createHash } from "crypto";

/** Deterministic stand-ins for values the cloud would compute, derived from a seed (the URN), so
 * two runs of the same program produce the same records. */
export const SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const TENANT_ID = "11111111-1111-1111-1111-111111111111";

export function fakeHex(seed: string, length: number): string {
    let out = "";
    for (let i = 0; out.length < length; i++) out += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    return out.slice(0, length);
}

export function fakeGuid(seed: string): string {
    const h = fakeHex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function fakeAlphanumeric(seed: string, length: number, alphabet: string): string {
    const hex = fakeHex(seed, length * 2);
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
    return out;
}
