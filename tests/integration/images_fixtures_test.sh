#!/usr/bin/env bash
# The harness itself: fixture registries answer and serve the fixture images.
source "$(dirname "$0")/lib.sh"

log "plain registry $REGISTRY"
assert_eq "$(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY/v2/")" 200 "plain registry answers /v2/"
tags="$(curl -s "http://$REGISTRY/v2/busybox/tags/list")"
assert_contains "$tags" latest "busybox:latest is pushed"
for image in $(jq -r 'keys[]' "$FIXTURE_IMAGES_JSON"); do
  want="$(jq -r --arg i "$image" '.[$i].manifest' "$FIXTURE_IMAGES_JSON")"
  got="$(skopeo inspect --raw --tls-verify=false "docker://$REGISTRY/$image:latest" | sha256sum | cut -d' ' -f1)"
  assert_eq "sha256:$got" "$want" "$image: manifest digest in the registry"
done

log "TLS registry $REGISTRY_TLS"
assert_eq "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$REGISTRY_CA" "https://$REGISTRY_TLS/v2/")" 401 "TLS registry wants credentials"
assert_eq "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$REGISTRY_CA" -u "$REGISTRY_USER:$REGISTRY_PASS" "https://$REGISTRY_TLS/v2/")" 200 "TLS registry accepts the credentials"
assert_eq "$(curl -s -o /dev/null -w '%{http_code}' --cacert "$REGISTRY_CERTS_DIR/$REGISTRY_TLS/ca.crt" -u "$REGISTRY_USER:$REGISTRY_PASS" -H "Accept: application/vnd.oci.image.manifest.v1+json" "https://$REGISTRY_TLS/v2/busybox/manifests/latest")" 200 "certs.d layout holds the CA; busybox is on the TLS registry"
