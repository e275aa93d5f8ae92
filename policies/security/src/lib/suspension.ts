import { PolicyResource } from "@pulumi/policy";
import { readPath, sameString, tri, Tri } from "@custom-vision-guardrails/policy-kit";

/** The tag the kit's components set on a prediction account whose predictions are suspended (RAI-07). */
export const SUSPENDED_TAG = "prediction-suspended";

/**
 * An account suspended by the human override has no private endpoint on
 * purpose. It is still unreachable, and so not exposed, only when public
 * network access is known to be disabled: the tag alone exempts nothing.
 */
export function suspendedAndUnreachable(account: PolicyResource): Tri {
    return tri.and(
        sameString(readPath(account.props, ["tags", SUSPENDED_TAG]), "true"),
        sameString(readPath(account.props, "properties.publicNetworkAccess"), "Disabled"),
    );
}
