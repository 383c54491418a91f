#!/usr/bin/env bash
# Container networking through the real docker CLI: the default bridge gives eth0 a private
# address the host reaches; containers on one user network reach each other, those on
# another cannot; connect adds eth1 live; none has only lo; host sees the host's
# interfaces; network rm in use is 409; bad input is 404/400.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null
NET1="nt1-$$"
NET2="nt2-$$"
on_cleanup "\"$DOCKER\" rm -f web ca cb cc >/dev/null 2>&1; \"$DOCKER\" network rm $NET1 $NET2 >/dev/null 2>&1"

log "the predefined networks"
ls_out="$("$DOCKER" network ls --format '{{.Name}} {{.Driver}}')"
assert_contains "$ls_out" "bridge bridge" "bridge network"
assert_contains "$ls_out" "host host" "host network"
assert_contains "$ls_out" "none null" "none network"

log "default bridge: eth0 with a 172.x or 192.168.x address, reachable from the host"
"$DOCKER" run -d --name web "$IMG" sh -c 'mkdir -p /www && echo hello-from-web > /www/index.html && httpd -f -p 80 -h /www' > /dev/null
ip="$("$DOCKER" inspect --format '{{.NetworkSettings.IPAddress}}' web)"
[[ "$ip" =~ ^(172|192\.168)\. ]] || fail "unexpected address '$ip'"
echo "ok: container address $ip"
mac="$("$DOCKER" inspect --format '{{.NetworkSettings.MacAddress}}' web)"
expected_mac="$(printf '02:42:%02x:%02x:%02x:%02x' ${ip//./ })"
assert_eq "$mac" "$expected_mac" "MAC derived from the address"
assert_eq "$("$DOCKER" inspect --format '{{.NetworkSettings.Networks.bridge.IPAddress}}' web)" "$ip" "Networks.bridge"
gw="$("$DOCKER" inspect --format '{{.NetworkSettings.Gateway}}' web)"
assert_eq "$(ip -o -4 addr show dev "$BERTH_BRIDGE" | awk '{print $4}' | cut -d/ -f1)" "$gw" "bridge holds the gateway"
pid="$("$DOCKER" inspect --format '{{.State.Pid}}' web)"
assert_contains "$(nsenter -t "$pid" -n ip -o addr show eth0)" "$ip/" "eth0 has the address"
page=""
for _ in $(seq 50); do
  page="$(curl -s --max-time 2 "http://$ip/index.html" || true)"
  [ -n "$page" ] && break
  sleep 0.1
done
assert_eq "$page" "hello-from-web" "host reaches the container's httpd on its bridge address"
hosts="$(cat "/proc/$pid/root/etc/hosts")"
assert_contains "$hosts" "$ip" "/etc/hosts has the container's address"
assert_contains "$(nsenter -t "$pid" -n ip route)" "default via $gw" "default route via the gateway"
log "outbound NAT: a masquerade rule for the bridge's subnet in berthd's own table"
assert_contains "$(nft list ruleset)" "oifname != \"$BERTH_BRIDGE\" masquerade" "masquerade for $BERTH_BRIDGE"

net_json="$("$DOCKER" network inspect bridge)"
assert_json "$net_json" '.[0].Containers | to_entries | map(.value.Name) | index("web") != null' "network inspect lists the container"

log "network rm of a predefined network is refused"
assert_eq "$(api_status DELETE /networks/bridge)" "403" "rm bridge is 403"

log "two containers on a user network reach each other; one on another network cannot"
"$DOCKER" network create "$NET1" > /dev/null
"$DOCKER" network create --subnet 10.231.7.0/24 --gateway 10.231.7.1 "$NET2" > /dev/null
assert_eq "$("$DOCKER" network inspect --format '{{(index .IPAM.Config 0).Subnet}}' "$NET2")" "10.231.7.0/24" "explicit subnet"
"$DOCKER" run -d --name ca --network "$NET1" "$IMG" sh -c 'mkdir -p /www && echo from-a > /www/index.html && httpd -f -p 80 -h /www' > /dev/null
"$DOCKER" run -d --name cb --network "$NET1" "$IMG" sleep 600 > /dev/null
"$DOCKER" run -d --name cc --network "$NET2" --ip 10.231.7.77 "$IMG" sleep 600 > /dev/null
a_ip="$("$DOCKER" inspect --format "{{(index .NetworkSettings.Networks \"$NET1\").IPAddress}}" ca)"
c_ip="$("$DOCKER" inspect --format "{{(index .NetworkSettings.Networks \"$NET2\").IPAddress}}" cc)"
assert_eq "$c_ip" "10.231.7.77" "--ip on a user network"
b_pid="$("$DOCKER" inspect --format '{{.State.Pid}}' cb)"
c_pid="$("$DOCKER" inspect --format '{{.State.Pid}}' cc)"
got=""
for _ in $(seq 50); do
  got="$(nsenter -t "$b_pid" -n -- curl -s --max-time 2 "http://$a_ip/index.html" || true)"
  [ -n "$got" ] && break
  sleep 0.1
done
assert_eq "$got" "from-a" "b reaches a by address on $NET1"
rc=0
nsenter -t "$c_pid" -n -- curl -s --max-time 2 "http://$a_ip/index.html" > /dev/null 2>&1 || rc=$?
assert_ne "$rc" "0" "c on $NET2 cannot reach a"
assert_eq "$(grep -c nameserver "/proc/$b_pid/root/etc/resolv.conf")" "1" "one nameserver on a user network"
assert_contains "$(cat "/proc/$b_pid/root/etc/resolv.conf")" "nameserver 127.0.0.11" "embedded DNS in resolv.conf"

log "network connect adds eth1 to a running container"
"$DOCKER" network connect "$NET1" cc
assert_contains "$(nsenter -t "$c_pid" -n ip -o link)" "eth1" "eth1 appeared"
got="$(nsenter -t "$c_pid" -n -- curl -s --max-time 3 "http://$a_ip/index.html" || true)"
assert_eq "$got" "from-a" "c reaches a after connect"
"$DOCKER" network disconnect "$NET1" cc
assert_not_contains "$(nsenter -t "$c_pid" -n ip -o link)" "eth1" "eth1 gone after disconnect"

log "network rm of a network in use is 409"
status="$(api_status DELETE "/networks/$NET1")"
assert_eq "$status" "409" "rm in use"
rc=0; out="$("$DOCKER" network rm "$NET1" 2>&1)" || rc=$?
assert_ne "$rc" "0" "docker network rm fails"
assert_contains "$out" "has active endpoints" "the reason"

log "--network none has only lo"
links="$("$DOCKER" run --rm --network none "$IMG" ip -o link | awk -F': ' '{print $2}' | sort | tr '\n' ' ')"
assert_eq "$links" "lo " "only lo"

log "--network host sees the host's interfaces"
links="$("$DOCKER" run --rm --network host "$IMG" ip -o link)"
assert_contains "$links" "$BERTH_BRIDGE" "the host's bridge is visible"

log "bad input"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' \
  -d "{\"Image\":\"$IMG\",\"HostConfig\":{\"NetworkMode\":\"no-such-net\"}}")" "404" "unknown network is 404"
assert_eq "$(api_status POST /containers/create -H 'Content-Type: application/json' \
  -d "{\"Image\":\"$IMG\",\"NetworkingConfig\":{\"EndpointsConfig\":{\"bridge\":{\"IPAMConfig\":{\"IPv4Address\":\"172.17.0.9\"}}}}}")" "400" "--ip on the default bridge is 400"
assert_eq "$(api_status POST /networks/create -H 'Content-Type: application/json' \
  -d '{"Name":"badnet","IPAM":{"Config":[{"Subnet":"10.1.2.300/24"}]}}')" "400" "bad subnet is 400"
assert_eq "$(api_status POST /networks/create -H 'Content-Type: application/json' \
  -d "{\"Name\":\"overlap-$$\",\"IPAM\":{\"Config\":[{\"Subnet\":\"10.231.7.128/25\"}]}}")" "400" "overlapping subnet is 400"
assert_eq "$(api_status POST /networks/create -H 'Content-Type: application/json' -d "{\"Name\":\"$NET2\"}")" "409" "duplicate name is 409"
assert_eq "$(api_status GET /networks/no-such-net)" "404" "inspect unknown network"

log "rm leaves no veth behind; network rm removes the bridge"
"$DOCKER" rm -f web ca cb cc > /dev/null
assert_eq "$(ip -o link | grep -c "master $BERTH_BRIDGE" || true)" "0" "no veth on the default bridge"
br2="br-$("$DOCKER" network inspect --format '{{.Id}}' "$NET2" | cut -c1-12)"
assert_eq "$(ip -o link show "$br2" | wc -l)" "1" "$NET2 has its bridge $br2"
assert_contains "$(nft list ruleset)" "oifname != \"$br2\" masquerade" "masquerade for $br2"
"$DOCKER" network rm "$NET1" "$NET2" > /dev/null
assert_eq "$(ip -o link show "$br2" 2>/dev/null | wc -l)" "0" "network rm removed $br2"
assert_not_contains "$(nft list ruleset)" "oifname != \"$br2\" masquerade" "network rm removed its masquerade"
assert_eq "$("$DOCKER" network ls -q --filter name="$NET1" | wc -l)" "0" "network removed"
