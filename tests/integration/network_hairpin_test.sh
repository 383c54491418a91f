#!/usr/bin/env bash
# Published ports reached from other containers, as with Docker: a client on the default
# bridge and one on a user network connect to the host's published port through their own
# gateway address (`nc <gateway> <hostport>`), TCP and UDP, whichever network the
# publishing container is on; a container reaches its own published port the same way
# (hairpin). Bridge isolation still holds: the user network's client cannot reach the
# other bridge's container by its address. Traffic goes to bridge addresses and 127.0.0.1
# only. Through the docker CLI and berth.
source "$(dirname "$0")/lib.sh"

[ -n "$DOCKER" ] || skip "the docker CLI is not installed"
command -v python3 > /dev/null || skip "python3 is not installed"
command -v cc > /dev/null || skip "no C compiler for the static UDP tools"

IMG="$REGISTRY/busybox:latest"
NET="hp-$$"
# A port free on every address: the ports below are published on 0.0.0.0.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("0.0.0.0", 0)); print(s.getsockname()[1])'
}

# Static UDP tools for busybox containers (its nc has no UDP mode): an echo server, and a
# client that sends one datagram (retrying a few times) and prints the answer.
mkdir -p "$BERTH_TEST_TMP/bin"
cat > "$BERTH_TEST_TMP/udp_echo.c" << 'C'
#include <arpa/inet.h>
#include <stdlib.h>
#include <sys/socket.h>
int main(int argc, char **argv) {
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
    if (argc < 2 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0) return 1;
    for (;;) {
        char buf[2048];
        struct sockaddr_in from;
        socklen_t len = sizeof from;
        ssize_t n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);
        if (n > 0) sendto(fd, buf, n, 0, (struct sockaddr *)&from, len);
    }
}
C
cat > "$BERTH_TEST_TMP/udp_ask.c" << 'C'
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
/* udp_ask HOST PORT MESSAGE: a connected socket, so only the address asked may answer. */
int main(int argc, char **argv) {
    if (argc < 4) return 2;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[2]))};
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) return 2;
    if (connect(fd, (struct sockaddr *)&to, sizeof to) < 0) return 1;
    struct timeval tv = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (int i = 0; i < 5; i++) {
        char buf[2048];
        if (send(fd, argv[3], strlen(argv[3]), 0) < 0) { usleep(200000); continue; }
        ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
        if (n > 0) {
            buf[n] = 0;
            puts(buf);
            return 0;
        }
    }
    return 1;
}
C
cc -static -O2 -o "$BERTH_TEST_TMP/bin/udp_echo" "$BERTH_TEST_TMP/udp_echo.c" || fail "cannot build udp_echo"
cc -static -O2 -o "$BERTH_TEST_TMP/bin/udp_ask" "$BERTH_TEST_TMP/udp_ask.c" || fail "cannot build udp_ask"

berth_start
pull_ok "$IMG"
# Containers and the network go before berthd stops, so no veth or bridge is left behind.
on_cleanup '"$DOCKER" network rm "$NET" > /dev/null 2>&1 || true'
on_cleanup '"$DOCKER" rm -f web web2 > /dev/null 2>&1 || true'

mkdir -p "$BERTH_TEST_TMP/www" "$BERTH_TEST_TMP/www2"
page="hairpin page $RANDOM$RANDOM"
page2="user network page $RANDOM$RANDOM"
echo "$page" > "$BERTH_TEST_TMP/www/index.html"
echo "$page2" > "$BERTH_TEST_TMP/www2/index.html"
TOOLS=(-v "$BERTH_TEST_TMP/bin:/xbin:ro")

# http_via CLI NETWORK HOST PORT: GET / from a fresh container on NETWORK; prints the last
# line of the answer (the page is one line).
http_via() {
  "$1" run --rm --network "$2" "$IMG" sh -c \
    "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $3 $4 | tail -n 1" 2>&1 || true
}
# udp_via CLI NETWORK HOST PORT MESSAGE: the echo of MESSAGE from a fresh container.
udp_via() {
  "$1" run --rm --network "$2" "${TOOLS[@]}" "$IMG" /xbin/udp_ask "$3" "$4" "$5" 2>&1 || true
}

log "web on the default bridge publishes TCP and UDP on every address"
web_port="$(free_port)"
web_udp="$(free_port)"
"$DOCKER" run -d --name web -p "$web_port:80" -p "$web_udp:7000/udp" -v "$BERTH_TEST_TMP/www:/www:ro" "${TOOLS[@]}" \
  "$IMG" sh -c '/xbin/udp_echo 7000 & exec httpd -f -p 80 -h /www' > /dev/null
assert_eq "$(wait_http "http://127.0.0.1:$web_port/" 20)" "$page" "the host reaches web through 127.0.0.1"
gw="$("$DOCKER" inspect --format '{{.NetworkSettings.Gateway}}' web)"
web_ip="$("$DOCKER" inspect --format '{{.NetworkSettings.IPAddress}}' web)"
[ -n "$gw" ] && [ -n "$web_ip" ] || fail "web has no gateway or address"

log "web2 on a user network publishes TCP and UDP"
"$DOCKER" network create "$NET" > /dev/null
web2_port="$(free_port)"
web2_udp="$(free_port)"
"$DOCKER" run -d --name web2 --network "$NET" -p "$web2_port:80" -p "$web2_udp:7000/udp" \
  -v "$BERTH_TEST_TMP/www2:/www:ro" "${TOOLS[@]}" "$IMG" sh -c '/xbin/udp_echo 7000 & exec httpd -f -p 80 -h /www' > /dev/null
assert_eq "$(wait_http "http://127.0.0.1:$web2_port/" 20)" "$page2" "the host reaches web2 through 127.0.0.1"
gw2="$("$DOCKER" inspect --format "{{(index .NetworkSettings.Networks \"$NET\").Gateway}}" web2)"
[ -n "$gw2" ] || fail "web2 has no gateway"
echo "default bridge gateway $gw, $NET gateway $gw2"

log "a client on the default bridge reaches published ports through its gateway"
assert_eq "$(http_via "$DOCKER" bridge "$gw" "$web_port")" "$page" "bridge -> $gw:$web_port (web, same bridge)"
assert_eq "$(http_via "$DOCKER" bridge "$gw" "$web2_port")" "$page2" "bridge -> $gw:$web2_port (web2, on $NET)"
assert_eq "$(udp_via "$DOCKER" bridge "$gw" "$web_udp" "udp from the bridge")" "udp from the bridge" \
  "bridge -> $gw:$web_udp/udp (web)"
assert_eq "$(udp_via "$DOCKER" bridge "$gw" "$web2_udp" "udp to web2")" "udp to web2" "bridge -> $gw:$web2_udp/udp (web2)"

log "a client on the user network reaches published ports through its gateway"
assert_eq "$(http_via "$DOCKER" "$NET" "$gw2" "$web_port")" "$page" "$NET -> $gw2:$web_port (web, on the default bridge)"
assert_eq "$(http_via "$DOCKER" "$NET" "$gw2" "$web2_port")" "$page2" "$NET -> $gw2:$web2_port (web2, same network)"
assert_eq "$(udp_via "$DOCKER" "$NET" "$gw2" "$web_udp" "udp from $NET")" "udp from $NET" "$NET -> $gw2:$web_udp/udp (web)"
assert_eq "$(udp_via "$DOCKER" "$NET" "$gw2" "$web2_udp" "udp within $NET")" "udp within $NET" \
  "$NET -> $gw2:$web2_udp/udp (web2)"

log "the same through the berth CLI"
assert_eq "$(http_via "$BERTH" "$NET" "$gw2" "$web_port")" "$page" "berth run: $NET -> $gw2:$web_port"
assert_eq "$(http_via "$BERTH" bridge "$gw" "$web2_port")" "$page2" "berth run: bridge -> $gw:$web2_port"

log "hairpin: a container reaches its own published port through its gateway"
out="$("$DOCKER" exec web sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $gw $web_port" 2>&1 || true)"
assert_contains "$out" "$page" "web -> $gw:$web_port reaches itself"
out="$("$DOCKER" exec web2 sh -c "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 5 $gw2 $web2_port" 2>&1 || true)"
assert_contains "$out" "$page2" "web2 -> $gw2:$web2_port reaches itself"
assert_eq "$("$DOCKER" exec web /xbin/udp_ask "$gw" "$web_udp" "own udp" 2>&1 || true)" "own udp" \
  "web -> $gw:$web_udp/udp reaches itself"

log "isolation still holds: the user network cannot reach the default bridge's container directly"
out="$("$DOCKER" run --rm --network "$NET" "$IMG" sh -c \
  "printf 'GET / HTTP/1.0\r\n\r\n' | nc -w 2 $web_ip 80" 2>&1 || true)"
assert_not_contains "$out" "$page" "$NET -> $web_ip:80 directly is blocked"

log "berthd SIGKILL and restart: the ports are reachable through the gateways again"
berth_kill9
sleep 1
berth_start
assert_eq "$(wait_http "http://127.0.0.1:$web_port/" 20)" "$page" "the host reaches web after the restart"
assert_eq "$(http_via "$DOCKER" "$NET" "$gw2" "$web_port")" "$page" "$NET -> $gw2:$web_port after the restart"
assert_eq "$(http_via "$DOCKER" bridge "$gw" "$web_port")" "$page" "bridge -> $gw:$web_port after the restart"

log "rm frees the ports; nothing is left of berthd's rules after it stops"
"$DOCKER" rm -f web web2 > /dev/null
"$DOCKER" network rm "$NET" > /dev/null
table="$(nft list tables 2>/dev/null | grep -oE 'berth_[0-9a-f]{8}$' | while read -r t; do
  nft list table ip "$t" 2>/dev/null | grep -q "\"$BERTH_BRIDGE\"" && echo "$t"; done || true)"
berth_stop
if [ -n "$table" ]; then
  rc=0; nft list table ip "$table" > /dev/null 2>&1 || rc=$?
  assert_ne "$rc" 0 "berthd's table $table is gone after a clean stop"
fi
assert_not_contains "$(nft list chain ip berth_isolation "iso_$BERTH_BRIDGE" 2>&1 || true)" "hook forward" \
  "the isolation chain of $BERTH_BRIDGE is gone"
echo "PASS"
