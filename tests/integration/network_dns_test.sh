#!/usr/bin/env bash
# Name resolution on user networks, with the real docker CLI: containers resolve each other
# by name, --network-alias and short id through the embedded server (127.0.0.11), and
# addresses back to names; a container on another network can't until it is connected;
# other names are forwarded to the host's resolver, here a small responder the test runs
# on 127.53.x.y (berthd gets a resolv.conf naming it). Nothing leaves the machine.
source "$(dirname "$0")/lib.sh"

[ -n "$DOCKER" ] || skip "the docker CLI is not installed"
command -v python3 > /dev/null || skip "python3 is not installed"

# The upstream: answers A for *.forwarded.test with 198.51.100.42 (an empty NOERROR for
# other types), NXDOMAIN for every other name, and writes each name it is asked to a log.
UPSTREAM="127.53.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
UPSTREAM_LOG="$BERTH_TEST_TMP/upstream.log"
cat > "$BERTH_TEST_TMP/upstream.py" << 'EOF'
import socket, struct, sys

address, ready, log = sys.argv[1], sys.argv[2], sys.argv[3]
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind((address, 53))
open(ready, "w").close()
while True:
    query, client = sock.recvfrom(4096)
    if len(query) < 12:
        continue
    ident, flags, qdcount = struct.unpack("!HHH", query[:6])
    if flags & 0x8000 or qdcount != 1:
        continue
    labels, pos = [], 12
    while pos < len(query) and query[pos] != 0:
        length = query[pos]
        labels.append(query[pos + 1:pos + 1 + length].decode("ascii", "replace"))
        pos += 1 + length
    pos += 1
    if pos + 4 > len(query):
        continue
    qtype = struct.unpack("!H", query[pos:pos + 2])[0]
    question = query[12:pos + 4]
    name = ".".join(labels).lower()
    with open(log, "a") as f:
        f.write(name + "\n")
    known = name.endswith("forwarded.test")
    answers = b""
    if known and qtype == 1:
        answers = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton("198.51.100.42")
    rcode = 0 if known else 3
    header = struct.pack("!HHHHHH", ident, 0x8180 | rcode | (flags & 0x0100), 1, 1 if answers else 0, 0, 0)
    sock.sendto(header + question + answers, client)
EOF
python3 "$BERTH_TEST_TMP/upstream.py" "$UPSTREAM" "$BERTH_TEST_TMP/upstream.ready" "$UPSTREAM_LOG" \
  >> "$BERTH_TEST_TMP/upstream.stdio" 2>&1 &
track_pid $!
disown $!  # killed by the cleanup; no job report for it
for _ in $(seq 100); do [ -e "$BERTH_TEST_TMP/upstream.ready" ] && break; sleep 0.05; done
[ -e "$BERTH_TEST_TMP/upstream.ready" ] || fail "the upstream responder did not start: $(cat "$BERTH_TEST_TMP/upstream.stdio")"
printf 'nameserver %s\n' "$UPSTREAM" > "$BERTH_TEST_TMP/resolv.conf"

berth_start --resolv-conf "$BERTH_TEST_TMP/resolv.conf"
[ "$(api_status GET /networks)" = 200 ] || skip "this berthd has no networks API"
IMG="$REGISTRY/busybox:latest"
pull_ok "$IMG"

# Containers and networks go before berthd stops, so no bridge or veth is left behind.
on_cleanup '"$DOCKER" network rm dnsa dnsb > /dev/null 2>&1 || true'
on_cleanup '"$DOCKER" rm -f web outsider > /dev/null 2>&1 || true'

# probe NETWORK CMD...: runs CMD in a fresh busybox on NETWORK, prints its output.
probe() { local net="$1"; shift; "$DOCKER" run --rm --network "$net" "$IMG" "$@" 2>&1; }
# last_line_is CONTAINER TEXT: waits up to 10 s for the container's last log line to be TEXT.
last_line_is() {
  local line=""
  for _ in $(seq 100); do
    line="$("$DOCKER" logs --tail 1 "$1" 2>&1)"
    [ "$line" = "$2" ] && return 0
    sleep 0.1
  done
  fail "$1: last log line is '$line', not '$2'"
}

log "two user networks; web on dnsa with an alias"
"$DOCKER" network create dnsa > /dev/null
"$DOCKER" network create dnsb > /dev/null
"$DOCKER" run -d --name web --network dnsa --network-alias frontend "$IMG" sleep 300 > /dev/null
web_ip="$("$DOCKER" inspect --format '{{(index .NetworkSettings.Networks "dnsa").IPAddress}}' web)"
web_short="$("$DOCKER" inspect --format '{{.Id}}' web | cut -c1-12)"
[ -n "$web_ip" ] || fail "web has no address on dnsa"

log "a container's resolv.conf on a user network names the embedded server"
assert_contains "$(probe dnsa cat /etc/resolv.conf)" "nameserver 127.0.0.11" "resolv.conf"

log "resolve by name, alias and short id on the same network"
for name in web frontend "$web_short" WEB; do
  out="$(probe dnsa nslookup "$name")" || fail "nslookup $name: $out"
  assert_contains "$out" "$web_ip" "nslookup $name answers web's address"
done
# ping resolves through libc's resolver rather than nslookup's own; whether the echo comes
# back is the bridge's business, not this test's.
out="$(probe dnsa ping -c1 -W2 frontend)" || true
assert_contains "$out" "PING frontend ($web_ip)" "ping resolves the alias through libc"
touch "$UPSTREAM_LOG"
assert_not_contains "$(cat "$UPSTREAM_LOG")" "frontend" "the network's names never go upstream"

log "address back to name"
out="$(probe dnsa nslookup "$web_ip")" || fail "nslookup $web_ip: $out"
assert_contains "$out" "name = web" "PTR answers web's name"

log "a container on another network does not see web"
rc=0; out="$(probe dnsb nslookup web)" || rc=$?
assert_ne "$rc" 0 "nslookup web from dnsb fails"
assert_not_contains "$out" "$web_ip" "no address of dnsa leaks to dnsb"
rc=0; out="$(probe dnsb nslookup frontend)" || rc=$?
assert_ne "$rc" 0 "nor by its alias"

log "names the network doesn't have are forwarded to the host's resolver"
out="$(probe dnsa nslookup www.forwarded.test)" || fail "nslookup www.forwarded.test: $out"
assert_contains "$out" "198.51.100.42" "the upstream's answer is relayed"
assert_contains "$(cat "$UPSTREAM_LOG")" "www.forwarded.test" "the upstream was asked"
rc=0; out="$(probe dnsa nslookup nothing.invalid)" || rc=$?
assert_ne "$rc" 0 "an unknown name fails"
assert_contains "$out" "NXDOMAIN" "with the upstream's NXDOMAIN"

log "network connect and disconnect of a running container"
"$DOCKER" run -d --name outsider --network dnsb "$IMG" sh -c \
  'while :; do if nslookup web > /dev/null 2>&1; then echo "web: yes"; else echo "web: no"; fi; sleep 0.3; done' > /dev/null
last_line_is outsider "web: no"
"$DOCKER" network connect dnsa outsider
last_line_is outsider "web: yes"
"$DOCKER" network disconnect dnsa outsider
last_line_is outsider "web: no"

log "a removed container's name is gone"
"$DOCKER" rm -f web > /dev/null
rc=0; out="$(probe dnsa nslookup web)" || rc=$?
assert_ne "$rc" 0 "web no longer resolves"

log "rename of a running container: the new name resolves (A and PTR), the old one no longer does"
on_cleanup '"$DOCKER" rm -f renamed renamed2 later > /dev/null 2>&1 || true'
"$DOCKER" run -d --name before --network dnsa "$IMG" sleep 300 > /dev/null
"$DOCKER" network connect dnsb before
ren_ip="$("$DOCKER" inspect --format '{{(index .NetworkSettings.Networks "dnsa").IPAddress}}' before)"
ren_ip_b="$("$DOCKER" inspect --format '{{(index .NetworkSettings.Networks "dnsb").IPAddress}}' before)"
hosts_before="$("$DOCKER" exec before cat /etc/hosts)"
hostname_before="$("$DOCKER" exec before hostname)"
out="$(probe dnsa nslookup before)" || fail "nslookup before (not renamed yet): $out"
assert_contains "$out" "$ren_ip" "before resolves before the rename"
"$DOCKER" rename before renamed
out="$(probe dnsa nslookup renamed)" || fail "nslookup renamed: $out"
assert_contains "$out" "$ren_ip" "the new name resolves on dnsa"
out="$(probe dnsb nslookup renamed)" || fail "nslookup renamed on dnsb: $out"
assert_contains "$out" "$ren_ip_b" "the new name resolves on dnsb (the second network) too"
rc=0; out="$(probe dnsa nslookup before)" || rc=$?
assert_ne "$rc" 0 "the old name no longer resolves on dnsa"
assert_not_contains "$out" "$ren_ip" "no address for the old name"
rc=0; out="$(probe dnsb nslookup before)" || rc=$?
assert_ne "$rc" 0 "nor on dnsb"
out="$(probe dnsa nslookup "$ren_ip")" || fail "nslookup $ren_ip: $out"
assert_contains "$out" "name = renamed" "PTR answers the new name"
assert_not_contains "$out" "name = before" "PTR no longer answers the old name"
ren_short="$("$DOCKER" inspect --format '{{.Id}}' renamed | cut -c1-12)"
out="$(probe dnsa nslookup "$ren_short")" || fail "nslookup $ren_short: $out"
assert_contains "$out" "$ren_ip" "the short id still resolves"
assert_eq "$("$DOCKER" inspect --format '{{json (index .NetworkSettings.Networks "dnsa").DNSNames}}' renamed)" \
  "[\"renamed\",\"$ren_short\"]" "inspect's DNSNames follow the rename"
assert_contains "$("$DOCKER" network inspect --format '{{range .Containers}}{{.Name}} {{end}}' dnsa)" "renamed " \
  "network inspect shows the new name"
# Docker leaves the container's own /etc/hosts alone: it names the hostname (the short id).
assert_eq "$("$DOCKER" exec renamed cat /etc/hosts)" "$hosts_before" "the renamed container's /etc/hosts is unchanged"
assert_eq "$("$DOCKER" exec renamed hostname)" "$hostname_before" "and so is its hostname"
assert_not_contains "$hosts_before" "before" "/etc/hosts never held the container name"

log "berth rename: renamed again through the berth CLI"
"$BERTH" rename renamed renamed2
out="$(probe dnsa nslookup renamed2)" || fail "nslookup renamed2: $out"
assert_contains "$out" "$ren_ip" "renamed2 resolves"
rc=0; out="$(probe dnsa nslookup renamed)" || rc=$?
assert_ne "$rc" 0 "renamed no longer resolves"

log "rename of a stopped container: its next start registers the new name"
"$DOCKER" create --name earlier --network dnsa "$IMG" sleep 300 > /dev/null
"$DOCKER" rename earlier later
"$DOCKER" start later > /dev/null
later_ip="$("$DOCKER" inspect --format '{{(index .NetworkSettings.Networks "dnsa").IPAddress}}' later)"
out="$(probe dnsa nslookup later)" || fail "nslookup later: $out"
assert_contains "$out" "$later_ip" "the new name resolves after start"
rc=0; out="$(probe dnsa nslookup earlier)" || rc=$?
assert_ne "$rc" 0 "the old name does not"

log "after a berthd restart the renamed container answers to its new name"
berth_kill9
sleep 1
berth_start "${BERTH_START_ARGS[@]}"
out="$(probe dnsa nslookup renamed2)" || fail "nslookup renamed2 after restart: $out"
assert_contains "$out" "$ren_ip" "renamed2 resolves after the restart"
rc=0; out="$(probe dnsa nslookup before)" || rc=$?
assert_ne "$rc" 0 "the first name stays gone"
echo "PASS"
