#!/bin/sh
# azd preprovision hook. Bicep cannot create Entra app registrations without the Graph extension, so this
# makes sure the one protecting the API exists, applies infra/entra/app-registration.json to it (identifier
# URI, the access_as_user scope, the Alerts.Admin app role, v2 tokens) and stores its id as AUTH_CLIENT_ID.
# Idempotent: every provision re-applies the manifest. Needs the Azure CLI signed in to the same tenant.
set -eu
manifest="$(dirname "$0")/../entra/app-registration.json"
client_id="${AUTH_CLIENT_ID:-}"
if [ -z "$client_id" ]; then
  client_id="$(az ad app create --display-name "alerts-${AZURE_ENV_NAME:?run this through azd}" \
    --sign-in-audience AzureADMyOrg --query appId --output tsv)"
  azd env set AUTH_CLIENT_ID "$client_id"
fi
object_id="$(az ad app show --id "$client_id" --query id --output tsv)"
sed "s/{clientId}/$client_id/g" "$manifest" > "${TMPDIR:-/tmp}/alerts-app-registration.json"
az rest --method PATCH --url "https://graph.microsoft.com/v1.0/applications/$object_id" \
  --headers Content-Type=application/json --body "@${TMPDIR:-/tmp}/alerts-app-registration.json"
# The service principal is what users and apps are assigned Alerts.Admin on.
az ad sp show --id "$client_id" --output none 2>/dev/null || az ad sp create --id "$client_id" --output none
echo "AUTH_CLIENT_ID=$client_id"
