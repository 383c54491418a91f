#!/usr/bin/env bash
# berth network create/ls/inspect/connect/disconnect/rm/prune, and run's --network,
# --network-alias, --ip, --dns, --add-host as the container sees them (/etc/hosts,
# /etc/resolv.conf, its interfaces).
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
"$BERTH" pull "$IMG" > /dev/null
NET="nc-$$"
on_cleanup "\"$BERTH\" rm -f cli1 cli2 >/dev/null 2>&1; \"$BERTH\" network rm $NET nc-prune-$$ >/dev/null 2>&1"

log "network create, ls, inspect"
id="$("$BERTH" network create --subnet 10.232.9.0/24 --gateway 10.232.9.254 --ip-range 10.232.9.128/25 --label team=net "$NET")"
assert_eq "${#id}" "64" "create prints the id"
assert_contains "$("$BERTH" network ls)" "$NET" "ls lists it"
assert_eq "$("$BERTH" network ls -q --filter "name=$NET")" "${id:0:12}" "ls -q with a name filter"
assert_eq "$("$BERTH" network ls --filter type=custom --format '{{.Name}}')" "$NET" "type=custom"
assert_eq "$("$BERTH" network ls --filter label=team=net --format '{{.Name}} {{.Driver}}')" "$NET bridge" "label filter and format"
cfg="$("$BERTH" network inspect "$NET")"
assert_json "$cfg" '.[0].IPAM.Config[0].Subnet == "10.232.9.0/24" and .[0].IPAM.Config[0].Gateway == "10.232.9.254" and .[0].IPAM.Config[0].IPRange == "10.232.9.128/25"' "IPAM config"
assert_json "$cfg" '.[0].Labels.team == "net" and .[0].Scope == "local" and .[0].Driver == "bridge"' "labels, scope, driver"

log "run with --network, --network-alias, --dns, --add-host"
"$BERTH" run -d --name cli1 --network "$NET" --network-alias alpha --dns 10.9.9.9 --add-host db.local:10.1.2.3 "$IMG" sleep 600 > /dev/null
pid="$("$BERTH" inspect --format '{{.State.Pid}}' cli1)"
ip1="$("$BERTH" inspect --format "{{(index .NetworkSettings.Networks \"$NET\").IPAddress}}" cli1)"
[[ "$ip1" == 10.232.9.1[2-9][0-9] || "$ip1" == 10.232.9.2[0-5][0-9] ]] || fail "address $ip1 outside the ip-range"
echo "ok: address $ip1 from the ip-range"
hosts="$(cat "/proc/$pid/root/etc/hosts")"
assert_contains "$hosts" "10.1.2.3	db.local" "--add-host in /etc/hosts"
assert_contains "$hosts" "$ip1	" "own address in /etc/hosts"
resolv="$(cat "/proc/$pid/root/etc/resolv.conf")"
assert_contains "$resolv" "nameserver 127.0.0.11" "embedded DNS on a user network"
assert_json "$("$BERTH" inspect cli1)" ".[0].NetworkSettings.Networks[\"$NET\"].Aliases == [\"alpha\"]" "alias in inspect"
assert_json "$("$BERTH" inspect cli1)" ".[0].NetworkSettings.Networks[\"$NET\"].Gateway == \"10.232.9.254\"" "gateway in inspect"

log "run --ip and --dns on the default bridge"
"$BERTH" run -d --name cli2 --dns 10.8.8.8 --dns-search example.test "$IMG" sleep 600 > /dev/null
pid2="$("$BERTH" inspect --format '{{.State.Pid}}' cli2)"
resolv2="$(cat "/proc/$pid2/root/etc/resolv.conf")"
assert_contains "$resolv2" "nameserver 10.8.8.8" "--dns on the default bridge"
assert_contains "$resolv2" "search example.test" "--dns-search"
rc=0; out="$("$BERTH" run --rm --ip 172.17.0.50 "$IMG" true 2>&1)" || rc=$?
assert_ne "$rc" "0" "--ip on the default bridge fails"
assert_contains "$out" "user defined networks" "the reason"
rc=0; out="$("$BERTH" run --rm --ip not-an-ip "$IMG" true 2>&1)" || rc=$?
assert_ne "$rc" "0" "a bad --ip fails"
rc=0; out="$("$BERTH" run --rm --network no-such-net-$$ "$IMG" true 2>&1)" || rc=$?
assert_ne "$rc" "0" "an unknown network fails"
assert_contains "$out" "not found" "unknown network message"

log "connect --ip, disconnect"
"$BERTH" network connect --ip 10.232.9.200 --alias beta "$NET" cli2
assert_contains "$(nsenter -t "$pid2" -n ip -o addr)" "10.232.9.200/24" "connected with the fixed address"
assert_json "$("$BERTH" network inspect "$NET")" '.[0].Containers | length == 2' "two endpoints"
rc=0; out="$("$BERTH" network rm "$NET" 2>&1)" || rc=$?
assert_ne "$rc" "0" "rm in use fails"
assert_contains "$out" "active endpoints" "rm in use message"
"$BERTH" network disconnect "$NET" cli2
assert_not_contains "$(nsenter -t "$pid2" -n ip -o addr)" "10.232.9.200" "disconnected"

log "rm and prune"
"$BERTH" rm -f cli1 cli2 > /dev/null
assert_eq "$("$BERTH" network rm "$NET")" "$NET" "rm prints the name"
"$BERTH" network create "nc-prune-$$" > /dev/null
out="$("$BERTH" network prune -f)"
assert_contains "$out" "nc-prune-$$" "prune removes unused networks"
assert_eq "$("$BERTH" network ls -q --filter type=custom | wc -l)" "0" "no custom network left"
assert_contains "$("$BERTH" network ls)" "bridge" "predefined networks stay"
