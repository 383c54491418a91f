#!/usr/bin/env bash
# Networking survives berthd being killed: after SIGKILL and a restart, running containers
# keep their addresses and answer on them, the addresses stay reserved, and removal still
# cleans up. 100 `run --rm` cycles leave no veth, address or endpoint behind.
# ctest: TIMEOUT 600
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null
NET="nr-$$"
on_cleanup "\"$DOCKER\" rm -f rweb ruser rnew >/dev/null 2>&1; \"$DOCKER\" network rm $NET >/dev/null 2>&1"

veths_on() { ip -o link show master "$1" 2>/dev/null | wc -l; }

fetch() {  # fetch URL: the page, retrying while the server starts
  local page="" _
  for _ in $(seq 50); do
    page="$(curl -s --max-time 2 "$1" || true)"
    [ -n "$page" ] && break
    sleep 0.1
  done
  printf '%s' "$page"
}

"$DOCKER" network create "$NET" > /dev/null
"$DOCKER" run -d --name rweb "$IMG" sh -c 'mkdir -p /www && echo still-here > /www/index.html && httpd -f -p 80 -h /www' > /dev/null
"$DOCKER" run -d --name ruser --network "$NET" --network-alias svc "$IMG" sh -c 'mkdir -p /www && echo user-net > /www/index.html && httpd -f -p 80 -h /www' > /dev/null
web_ip="$("$DOCKER" inspect --format '{{.NetworkSettings.IPAddress}}' rweb)"
user_ip="$("$DOCKER" inspect --format "{{(index .NetworkSettings.Networks \"$NET\").IPAddress}}" ruser)"
assert_eq "$(fetch "http://$web_ip/")" "still-here" "default bridge container answers"
assert_eq "$(fetch "http://$user_ip/")" "user-net" "user network container answers"
assert_eq "$("$DOCKER" inspect --format "{{(index .NetworkSettings.Networks \"$NET\").Aliases}}" ruser)" "[svc]" "alias recorded"

log "berthd SIGKILL and restart"
berth_kill9
berth_start "${BERTH_START_ARGS[@]}"
assert_eq "$("$DOCKER" inspect --format '{{.State.Running}}' rweb)" "true" "rweb still running"
assert_eq "$("$DOCKER" inspect --format '{{.NetworkSettings.IPAddress}}' rweb)" "$web_ip" "same address in inspect"
assert_eq "$(fetch "http://$web_ip/")" "still-here" "default bridge container still answers"
assert_eq "$(fetch "http://$user_ip/")" "user-net" "user network container still answers"
assert_eq "$(veths_on "$BERTH_BRIDGE")" "1" "one veth on the default bridge"
"$DOCKER" run -d --name rnew "$IMG" sleep 600 > /dev/null
new_ip="$("$DOCKER" inspect --format '{{.NetworkSettings.IPAddress}}' rnew)"
assert_ne "$new_ip" "$web_ip" "addresses stay reserved across the restart"
assert_eq "$(api_status DELETE "/networks/$NET")" "409" "network still in use after the restart"

log "rm releases everything"
"$DOCKER" rm -f rweb ruser rnew > /dev/null
assert_eq "$(veths_on "$BERTH_BRIDGE")" "0" "no veth left on the default bridge"
assert_json "$(api GET /networks/bridge)" '.Containers == {}' "no endpoint left on bridge"
assert_json "$(api GET "/networks/$NET")" '.Containers == {}' "no endpoint left on $NET"

log "100 run --rm cycles leave nothing behind"
for i in $(seq 100); do
  "$DOCKER" run --rm "$IMG" true || fail "run --rm cycle $i failed"
done
assert_eq "$(veths_on "$BERTH_BRIDGE")" "0" "no veth on the bridge"
assert_json "$(api GET /networks/bridge)" '.Containers == {}' "no endpoint leaked"
assert_eq "$(ip -o -4 addr show dev "$BERTH_BRIDGE" | wc -l)" "1" "the bridge keeps only its gateway address"
"$DOCKER" run -d --name rnew "$IMG" sleep 600 > /dev/null
assert_eq "$("$DOCKER" inspect --format '{{.NetworkSettings.IPAddress}}' rnew)" "$web_ip" "the first address is free again"
