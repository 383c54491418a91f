#!/usr/bin/env bash
# docker exec and interactive sessions, through the berth CLI and the real docker CLI:
# exec with and without a TTY, exit codes, -e/--env-file/-w/-u, -d, exec inspect, stdin
# through exec -i and run -i, a real terminal (-it) driven through a pty (typing, window
# size, Ctrl-P Ctrl-Q), exec events, and the bad-input answers.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"
api POST "/images/create?fromImage=$REGISTRY/busybox&tag=latest" > /dev/null
PTY="python3 $BERTH_SOURCE_DIR/tests/integration/pty_drive.py"
since=$(date +%s)

"$BERTH" run -d --name box "$IMG" sh -c 'mkdir -p /work; while true; do sleep 1; done' > /dev/null

for cli in "$BERTH" "$DOCKER"; do
  name="$(basename "$cli")"
  log "$name exec without a TTY: stdout and stderr apart, exit code"
  assert_eq "$("$cli" exec box sh -c 'echo out; echo err >&2' 2>/dev/null)" "out" "$name exec stdout"
  assert_eq "$("$cli" exec box sh -c 'echo out; echo err >&2' 2>&1 >/dev/null)" "err" "$name exec stderr"
  code=0; "$cli" exec box sh -c 'exit 3' || code=$?
  assert_eq "$code" "3" "$name exec exit code"

  log "$name exec with a TTY (not interactive): one stream, CRLF from the pty"
  out="$("$cli" exec -t box sh -c 'test -t 0 && test -t 1 && echo is-a-tty; echo err >&2' | tr -d '\r')"
  assert_contains "$out" "is-a-tty" "$name exec -t has a terminal"
  assert_contains "$out" "err" "$name exec -t merges stderr"

  log "$name exec -e, --env-file, -w, -u"
  printf 'FROM_FILE=yes\n# comment\n' > "$BERTH_TEST_TMP/env"
  out="$("$cli" exec -e FOO=bar --env-file "$BERTH_TEST_TMP/env" -w /work -u nobody box \
          sh -c 'echo $FOO $FROM_FILE $(pwd) $(id -un) $(id -u)')"
  assert_eq "$out" "bar yes /work nobody 65534" "$name exec env/workdir/user"
  assert_eq "$("$cli" exec -u 1234:5678 box id -u)" "1234" "$name exec -u uid:gid"
  assert_contains "$("$cli" exec box env)" "PATH=" "$name exec keeps the container's env"

  log "$name exec --privileged lifts the capability limit"
  assert_ne "$("$cli" exec --privileged box grep CapEff /proc/self/status)" \
            "$("$cli" exec box grep CapEff /proc/self/status)" "$name exec --privileged capabilities"

  log "$name exec -i forwards piped stdin"
  assert_eq "$(echo hi | "$cli" exec -i box cat)" "hi" "$name echo hi | exec -i cat"
  assert_eq "$(printf 'a\nb\n' | "$cli" exec -i box wc -l | tr -d ' ')" "2" "$name stdin EOF reaches the process"

  log "$name exec -d runs in the background"
  "$cli" exec -d box sh -c "echo bg-$name > /tmp/bg-$name"
  for _ in $(seq 50); do "$cli" exec box test -f "/tmp/bg-$name" && break; sleep 0.1; done
  assert_eq "$("$cli" exec box cat "/tmp/bg-$name")" "bg-$name" "$name exec -d ran"

  log "$name exec of a missing program: 126/127"
  code=0; "$cli" exec box /no/such/program 2>/dev/null || code=$?
  assert_eq "$code" "127" "$name exec of a missing program"

  log "$name run -i with piped stdin"
  assert_eq "$(echo piped | "$cli" run -i --rm "$IMG" cat)" "piped" "$name run -i"
done

log "exec inspect: create, start, exit code, ProcessConfig"
eid="$(api POST /containers/box/exec -H 'Content-Type: application/json' \
        -d '{"Cmd":["sh","-c","exit 7"],"AttachStdout":true,"User":"nobody","Tty":false}' | jq -r .Id)"
assert_eq "${#eid}" "64" "exec create returns a 64-hex id"
info="$(api GET "/exec/$eid/json")"
assert_eq "$(jq -r '.Running, .ExitCode, .ProcessConfig.entrypoint, (.ProcessConfig.arguments|join(" ")), .ProcessConfig.user, .OpenStdout' <<<"$info" | tr '\n' ' ')" \
  "false null sh -c exit 7 nobody true " "inspect before start"
assert_contains "$(api GET /containers/box/json | jq -c .ExecIDs)" "$eid" "container ExecIDs lists it"
api POST "/exec/$eid/start" -H 'Content-Type: application/json' -d '{"Detach":true}' > /dev/null
for _ in $(seq 50); do [ "$(api GET "/exec/$eid/json" | jq -r .Running)" = false ] && break; sleep 0.1; done
assert_eq "$(api GET "/exec/$eid/json" | jq -r '.ExitCode, .ContainerID' | tr '\n' ' ')" "7 $(api GET /containers/box/json | jq -r .Id) " "exit code and container"
assert_eq "$(api_status POST "/exec/$eid/start" -H 'Content-Type: application/json' -d '{"Detach":true}')" "409" "a second start is 409"
assert_eq "$("$DOCKER" inspect --format '{{json .ExecIDs}}' box)" "null" "ended execs leave ExecIDs"

log "resize of an exec"
eid="$(api POST /containers/box/exec -H 'Content-Type: application/json' \
        -d '{"Cmd":["sh","-c","sleep 2; stty size"],"AttachStdout":true,"Tty":true}' | jq -r .Id)"
api POST "/exec/$eid/start" -H 'Content-Type: application/json' -d '{"Detach":true,"Tty":true}' > /dev/null
assert_eq "$(api_status POST "/exec/$eid/resize?h=33&w=99")" "200" "exec resize"

log "bad input"
assert_eq "$(api_status GET /exec/nope/json)" "404" "unknown exec inspect"
assert_eq "$(api_status POST /exec/nope/start -H 'Content-Type: application/json' -d '{}')" "404" "unknown exec start"
assert_eq "$(api_status POST '/exec/nope/resize?h=1&w=1')" "404" "unknown exec resize"
assert_eq "$(api_status POST /containers/nope/exec -H 'Content-Type: application/json' -d '{"Cmd":["true"]}')" "404" "exec in an unknown container"
assert_eq "$(api_status POST /containers/box/exec -H 'Content-Type: application/json' -d '{"Cmd":')" "400" "truncated JSON"
assert_eq "$(api_status POST /containers/box/exec -H 'Content-Type: application/json' -d '{"Cmd":"x","Tty":"yes"}')" "400" "wrong type"
assert_eq "$(api_status POST /containers/box/exec -H 'Content-Type: application/json' -d '{"Cmd":[]}')" "400" "no command"
assert_eq "$(api_status POST /containers/box/exec -H 'Content-Type: application/json' -d '{"Cmd":["true"],"DetachKeys":"ctrl-bogus"}')" "400" "bad detach keys"
"$BERTH" run -d --name stopped "$IMG" true > /dev/null
"$BERTH" wait stopped > /dev/null
assert_eq "$(api_status POST /containers/stopped/exec -H 'Content-Type: application/json' -d '{"Cmd":["true"]}')" "409" "exec in a stopped container"
err="$("$DOCKER" exec stopped true 2>&1 || true)"
assert_contains "$err" "is not running" "docker exec in a stopped container"
code=0; "$BERTH" exec stopped true 2>/dev/null || code=$?
assert_eq "$code" "1" "berth exec in a stopped container fails"
"$BERTH" pause box
assert_eq "$(api_status POST /containers/box/exec -H 'Content-Type: application/json' -d '{"Cmd":["true"]}')" "409" "exec in a paused container"
"$BERTH" unpause box
assert_eq "$(api_status GET /_ping)" "200" "berthd keeps serving"

for cli in "$BERTH" "$DOCKER"; do
  name="$(basename "$cli")"
  log "$name exec -it: a real terminal (typing, window size, exit code)"
  code=0
  $PTY 24 80 "$BERTH_TEST_TMP/it-$name.out" '[
      ["expect", "# ", 20],
      ["send", "echo $((6*7))\r"], ["expect", "42", 10],
      ["send", "stty size\r"], ["expect", "24 80", 10],
      ["resize", 40, 100], ["sleep", 2],
      ["send", "stty size\r"], ["expect", "40 100", 10],
      ["send", "exit 5\r"]]' -- "$cli" exec -it box sh || code=$?
  assert_eq "$code" "5" "$name exec -it exit code (transcript: $(tr -d '\r' < "$BERTH_TEST_TMP/it-$name.out" | tail -c 300))"

  log "$name run -it then Ctrl-P Ctrl-Q detaches and leaves the container running"
  code=0
  $PTY 24 80 "$BERTH_TEST_TMP/detach-$name.out" '[
      ["expect", "# ", 20],
      ["send", "echo $((6*7))\r"], ["expect", "42", 10],
      ["send", "\u0010\u0011"]]' -- "$cli" run -it --name "it-$name" "$IMG" sh || code=$?
  assert_eq "$code" "0" "$name detach exit code"
  if [ "$name" = berth ]; then
    assert_contains "$(cat "$BERTH_TEST_TMP/detach-$name.out")" "read escape sequence" "berth says it detached"
  fi
  assert_eq "$("$BERTH" inspect --format '{{.State.Status}}' "it-$name")" "running" "$name container still running"

  log "$name attach to it again, then exit the shell"
  code=0
  $PTY 24 80 "$BERTH_TEST_TMP/attach-$name.out" '[
      ["sleep", 1.5], ["send", "\r"], ["expect", "# ", 20],
      ["send", "exit 9\r"]]' -- "$cli" attach "it-$name" || code=$?
  assert_eq "$code" "9" "$name attach: the container's exit code"
  assert_eq "$("$BERTH" inspect --format '{{.State.Status}} {{.State.ExitCode}}' "it-$name")" "exited 9" "$name container exited"

  log "$name start -ai"
  code=0
  $PTY 24 80 "$BERTH_TEST_TMP/start-$name.out" '[
      ["expect", "# ", 20], ["send", "echo again-$((1+1))\r"], ["expect", "again-2", 10],
      ["send", "exit 4\r"]]' -- "$cli" start -ai "it-$name" || code=$?
  assert_eq "$code" "4" "$name start -ai exit code"
  "$BERTH" rm "it-$name" > /dev/null
done

log "the local terminal leaves raw mode on exit and on SIGTERM"
$PTY 24 80 "$BERTH_TEST_TMP/restore.out" '[["expect", "restored:", 30]]' -- sh -c "
    \"$BERTH\" exec -it box true; echo exit-\$(stty -a | grep -o -- '-\\?icanon' | head -1)
    \"$BERTH\" exec -it box sleep 30 < /dev/tty & p=\$!; sleep 2; kill \$p; wait \$p
    echo restored: \$(stty -a | grep -o -- '-\\?icanon' | head -1)" || true
out="$(tr -d '\r' < "$BERTH_TEST_TMP/restore.out")"
assert_contains "$out" "exit-icanon" "canonical mode back after the session"
assert_contains "$out" "restored: icanon" "canonical mode back after SIGTERM"

log "attach with logs=1 replays the log first"
"$BERTH" run -d --name talker "$IMG" sh -c 'echo early; sleep 2; echo late' > /dev/null
sleep 1
out="$(api POST '/containers/talker/attach?stream=1&logs=1&stdout=1' --output - | tr -d '\000-\010')"
assert_contains "$out" "early" "log replayed"
assert_contains "$out" "late" "live output follows"

log "exec events"
events="$(api GET "/events?since=$since&until=$(( $(date +%s) + 1 ))&filters=%7B%22type%22%3A%5B%22container%22%5D%7D")"
assert_contains "$events" '"Action":"exec_create: sh -c exit 7"' "exec_create event"
assert_contains "$events" '"Action":"exec_start: sh -c exit 7"' "exec_start event"
assert_contains "$(jq -c 'select(.Action=="exec_die") | .Actor.Attributes.exitCode' <<<"$events" | sort -u | tr '\n' ' ')" '"7"' "exec_die with exitCode"

log "execs go with their container"
"$BERTH" rm -f box > /dev/null
assert_eq "$(api_status GET "/exec/$eid/json")" "404" "exec of a removed container"
