#!/usr/bin/env bash
# Published ports, end to end through berthd's userland proxy (127.0.0.1 only): busybox
# httpd behind -p answers curl with a page written through a bind mount; a UDP echo
# round-trips; -P picks free ports that `berth port` and `docker port` show; a taken port
# is "port is already allocated" with nothing left bound; after berthd is SIGKILLed and
# restarted the port answers again; rm and a clean shutdown free the ports.
source "$(dirname "$0")/lib.sh"

IMG="$REGISTRY/busybox:latest"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_is_free() {  # PORT [tcp|udp]: bindable on 127.0.0.1 (SO_REUSEADDR, as berthd binds)
  python3 - "$1" "${2:-tcp}" <<'PY'
import socket, sys
kind = socket.SOCK_DGRAM if sys.argv[2] == "udp" else socket.SOCK_STREAM
s = socket.socket(socket.AF_INET, kind)
if kind == socket.SOCK_STREAM:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}
udp_ask() {  # PORT MESSAGE: prints the answer (empty after a 3 s timeout)
  python3 - "$1" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(3)
for attempt in range(10):  # the server in the container may not be up yet
    s.sendto(sys.argv[2].encode(), ("127.0.0.1", int(sys.argv[1])))
    try:
        print(s.recv(1000).decode())
        break
    except socket.timeout:
        s.settimeout(1)
PY
}

# A static UDP echo server for the container (busybox's nc has no UDP mode here).
mkdir -p "$BERTH_TEST_TMP/bin"
cat > "$BERTH_TEST_TMP/udp_echo.c" <<'C'
#include <arpa/inet.h>
#include <stdlib.h>
#include <sys/socket.h>
int main(int argc, char **argv) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) return 1;
    for (;;) {
        char buf[2048];
        struct sockaddr_in from;
        socklen_t len = sizeof from;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
        if (n > 0) sendto(fd, buf, n, 0, (struct sockaddr *)&from, len);
    }
}
C
cc -static -O2 -o "$BERTH_TEST_TMP/bin/udp_echo" "$BERTH_TEST_TMP/udp_echo.c" || fail "cannot build the static UDP echo server"

berth_start
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null

mkdir -p "$BERTH_TEST_TMP/www"
page="published through berth $RANDOM$RANDOM"
echo "$page" > "$BERTH_TEST_TMP/www/index.html"

log "run -d -p 127.0.0.1:PORT:80 with busybox httpd"
web_port="$(free_port)"
web="$("$BERTH" run -d --name web -p "127.0.0.1:$web_port:80" -v "$BERTH_TEST_TMP/www:/www:ro" "$IMG" httpd -f -p 80 -h /www)"
got="$(wait_http "http://127.0.0.1:$web_port/" 20)" || fail "httpd behind 127.0.0.1:$web_port did not answer"
assert_eq "$got" "$page" "curl through the published port gets the page"
big="$(head -c 3000000 /dev/urandom | base64 -w0 | head -c 4000000)"
printf '%s' "$big" > "$BERTH_TEST_TMP/www/big.txt"
assert_eq "$(curl -sf "http://127.0.0.1:$web_port/big.txt" | sha256sum)" "$(sha256sum < "$BERTH_TEST_TMP/www/big.txt")" "a 4 MB file arrives intact"

inspect="$(api GET "/containers/$web/json")"
assert_json "$inspect" ".HostConfig.PortBindings[\"80/tcp\"][0] == {\"HostIp\":\"127.0.0.1\",\"HostPort\":\"$web_port\"}" "HostConfig.PortBindings kept"
assert_json "$inspect" ".NetworkSettings.Ports[\"80/tcp\"] == [{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"$web_port\"}]" "NetworkSettings.Ports"
assert_json "$(api GET "/containers/json")" \
  "[.[] | select(.Id == \"$web\") | .Ports[]] == [{\"IP\":\"127.0.0.1\",\"PrivatePort\":80,\"PublicPort\":$web_port,\"Type\":\"tcp\"}]" \
  "/containers/json Ports"
assert_eq "$("$BERTH" port web)" "80/tcp -> 127.0.0.1:$web_port" "berth port"
assert_eq "$("$BERTH" port web 80)" "127.0.0.1:$web_port" "berth port web 80"
if out="$("$BERTH" port web 81/tcp 2>&1)"; then fail "berth port of an unpublished port succeeded"; fi
assert_contains "$out" "No public port '81/tcp' published for web" "berth port of an unpublished port"
if [ -n "$DOCKER" ]; then
  assert_eq "$("$DOCKER" port web)" "80/tcp -> 127.0.0.1:$web_port" "docker port"
  assert_contains "$("$DOCKER" ps --format '{{.Ports}}' --filter name=web)" "127.0.0.1:$web_port->80/tcp" "docker ps PORTS"
fi

log "UDP round trip"
udp_port="$(free_port)"
"$BERTH" run -d --name udp -p "127.0.0.1:$udp_port:7000/udp" -v "$BERTH_TEST_TMP/bin:/xbin:ro" "$IMG" /xbin/udp_echo 7000 > /dev/null
assert_eq "$(udp_ask "$udp_port" "hello over udp")" "hello over udp" "UDP datagram echoed through the published port"
assert_eq "$("$BERTH" port udp)" "7000/udp -> 127.0.0.1:$udp_port" "berth port shows udp"

log "-P publishes exposed ports on random free ports"
"$BERTH" run -d --name all -P --expose 80 --expose 7000/udp -v "$BERTH_TEST_TMP/www:/www:ro" -v "$BERTH_TEST_TMP/bin:/xbin:ro" \
  "$IMG" sh -c '/xbin/udp_echo 7000 & exec httpd -f -p 80 -h /www' > /dev/null
ports="$("$BERTH" port all)"
echo "$ports"
all_tcp="$(sed -n 's|^80/tcp -> 0.0.0.0:\([0-9]*\)$|\1|p' <<< "$ports")"
all_udp="$(sed -n 's|^7000/udp -> 0.0.0.0:\([0-9]*\)$|\1|p' <<< "$ports")"
[ -n "$all_tcp" ] && [ -n "$all_udp" ] || fail "-P: berth port shows both exposed ports on 0.0.0.0: $ports"
read -r low high < /proc/sys/net/ipv4/ip_local_port_range
[ "$all_tcp" -ge "$low" ] && [ "$all_tcp" -le "$high" ] || fail "-P port $all_tcp outside the ephemeral range"
assert_eq "$(wait_http "http://127.0.0.1:$all_tcp/" 20)" "$page" "-P port answers on 127.0.0.1"
assert_eq "$(udp_ask "$all_udp" "udp via -P")" "udp via -P" "-P udp port answers"
if [ -n "$DOCKER" ]; then
  assert_eq "$("$DOCKER" port all 80)" "0.0.0.0:$all_tcp" "docker port shows the -P port"
fi

log "a taken port: port is already allocated, nothing half set up"
spare="$(free_port)"
if out="$("$BERTH" run -d --name clash -p "127.0.0.1:$spare:81" -p "127.0.0.1:$web_port:80" "$IMG" httpd -f -p 80 2>&1)"; then
  fail "run with a taken host port succeeded: $out"
fi
assert_contains "$out" "Bind for 127.0.0.1:$web_port failed: port is already allocated" "conflict error"
port_is_free "$spare" || fail "the other port of the failed run stayed bound"
assert_ne "$("$BERTH" inspect --format '{{.State.Status}}' clash)" "running" "the clashing container is not running"
assert_eq "$(api GET "/containers/clash/json" | jq -c '[.NetworkSettings.Ports[]? | select(. != null)] | length')" "0" "the clashing container publishes nothing"
assert_eq "$(curl -sf "http://127.0.0.1:$web_port/")" "$page" "the first container still answers"
"$BERTH" rm -f clash > /dev/null

log "berthd SIGKILL and restart: published ports come back"
berth_kill9
sleep 1
berth_start "${BERTH_START_ARGS[@]}"
assert_eq "$(wait_http "http://127.0.0.1:$web_port/" 20)" "$page" "web answers after the restart"
assert_eq "$(udp_ask "$udp_port" "after restart")" "after restart" "udp answers after the restart"
assert_eq "$("$BERTH" port web)" "80/tcp -> 127.0.0.1:$web_port" "berth port after the restart"

log "rm frees the port; a clean shutdown frees the rest"
"$BERTH" rm -f web > /dev/null
port_is_free "$web_port" || fail "port $web_port still bound after rm"
"$BERTH" stop -t 1 udp > /dev/null
port_is_free "$udp_port" udp || fail "udp port $udp_port still bound after stop"
"$BERTH" start udp > /dev/null
assert_eq "$(udp_ask "$udp_port" "after start")" "after start" "udp answers after stop/start"
berth_stop
port_is_free "$all_tcp" || fail "port $all_tcp still bound after berthd stopped"
port_is_free "$udp_port" udp || fail "udp port $udp_port still bound after berthd stopped"
echo "PASS"
