#!/bin/sh
# Break-glass human override (RAI-07) when Pulumi, its state backend or CI is
# unavailable: rejects every private endpoint connection of the kit's Custom
# Vision prediction accounts, which cuts their only network path at once
# (public network access is disabled), so already-issued tokens stop working too.
# Needs only the Azure CLI, signed in with a role that may write
# Microsoft.CognitiveServices/accounts/privateEndpointConnections.
#
#   scripts/suspend-predictions.sh [--resource-group NAME]
#
# Afterwards, reconcile: pulumi config set custom-vision-guardrails:predictionSuspended true
# then pulumi refresh --yes && pulumi up (see the runbook in README.md).
set -eu

group=""
if [ "${1:-}" = "--resource-group" ] && [ -n "${2:-}" ]; then
    group=$2
elif [ $# -gt 0 ]; then
    echo "usage: suspend-predictions.sh [--resource-group NAME]" >&2
    exit 2
fi

query="[?kind=='CustomVision.Prediction' && tags.\"managed-by\"=='pulumi-custom-vision-guardrails'].id"
if [ -n "$group" ]; then
    accounts=$(az resource list --resource-group "$group" --resource-type Microsoft.CognitiveServices/accounts --query "$query" -o tsv)
else
    accounts=$(az resource list --resource-type Microsoft.CognitiveServices/accounts --query "$query" -o tsv)
fi
if [ -z "$accounts" ]; then
    echo "suspend-predictions: no Custom Vision prediction account of the kit found${group:+ in $group}" >&2
    exit 1
fi

rejected=0
for account in $accounts; do
    for connection in $(az network private-endpoint-connection list --id "$account" --query "[].id" -o tsv); do
        az network private-endpoint-connection reject --id "$connection" --description "Human override (RAI-07): predictions suspended" >/dev/null
        rejected=$((rejected + 1))
        echo "rejected $connection"
    done
done
echo "suspend-predictions: $rejected private endpoint connection(s) rejected; now set predictionSuspended: true and run pulumi refresh and pulumi up"
