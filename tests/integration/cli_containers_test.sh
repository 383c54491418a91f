#!/usr/bin/env bash
# The berth CLI's container verbs against a real berthd: run (--rm, exit codes, -d, pull
# of a missing image), ps, logs (stdout and stderr apart), inspect --format, stop, rm,
# and the engine's errors printed as one line.
source "$(dirname "$0")/lib.sh"

berth_start
IMG="$REGISTRY/busybox:latest"

log "run pulls a missing image first, as docker does, and prints only the output on stdout"
out="$("$BERTH" run --rm "$IMG" echo hi 2> "$BERTH_TEST_TMP/run.err")" || fail "berth run --rm failed: $(cat "$BERTH_TEST_TMP/run.err")"
assert_eq "$out" "hi" "run --rm output"
assert_contains "$(cat "$BERTH_TEST_TMP/run.err")" "Unable to find image '$IMG' locally" "pull notice on stderr"
assert_eq "$("$BERTH" ps -aq | wc -l)" "0" "run --rm removed the container"

log "the container's exit code is berth run's"
code=0
"$BERTH" run --rm "$IMG" sh -c 'exit 3' || code=$?
assert_eq "$code" "3" "run exit code"

log "stdout and stderr of an attached run go to the right fds"
assert_eq "$("$BERTH" run --rm "$IMG" sh -c 'echo out; echo err >&2' 2>/dev/null)" "out" "attached stdout"
assert_eq "$("$BERTH" run --rm "$IMG" sh -c 'echo out; echo err >&2' 2>&1 >/dev/null)" "err" "attached stderr"

log "flags reach the container: -e, -w, -h, --label, --memory"
assert_eq "$("$BERTH" run --rm -e FOO=bar -w /tmp -h boxname "$IMG" sh -c 'echo $FOO $(pwd) $(hostname)')" \
  "bar /tmp boxname" "env, workdir, hostname"

log "run -d prints the id; ps, logs, inspect --format, stop, rm"
id="$("$BERTH" run -d --name web --label team=cli --memory 64m "$IMG" sh -c 'echo started; echo oops >&2; while true; do sleep 1; done')"
assert_eq "${#id}" "64" "run -d prints the 64-hex id"
assert_eq "$("$BERTH" inspect --format '{{.State.Status}}' web)" "running" "inspect --format status"
assert_eq "$("$BERTH" container inspect --format '{{.HostConfig.Memory}}' web)" "67108864" "--memory 64m"
assert_eq "$("$BERTH" inspect --format '{{index .Config.Labels "team"}}' web)" "cli" "--label"
ps_out="$("$BERTH" ps)"
assert_contains "$ps_out" "CONTAINER ID   IMAGE" "ps header"
assert_contains "$ps_out" "${id:0:12}" "ps short id"
assert_contains "$ps_out" "Up " "ps status wording"
assert_contains "$ps_out" "web" "ps names"
assert_eq "$("$BERTH" ps --format '{{.Names}} {{.State}}')" "web running" "ps --format"
assert_eq "$("$BERTH" ps -q --no-trunc)" "$id" "ps -q --no-trunc"
sleep 1
assert_eq "$("$BERTH" logs web 2>/dev/null)" "started" "stdout in logs"
assert_eq "$("$BERTH" logs web 2>&1 >/dev/null)" "oops" "stderr in logs, separately"

log "logs --tail, --since (relative), pause and unpause"
"$BERTH" run -d --name counter "$IMG" sh -c 'i=0; while true; do echo line$i; i=$((i+1)); sleep 0.2; done' > /dev/null
sleep 1.5
assert_eq "$("$BERTH" logs --tail 1 counter | wc -l)" "1" "logs --tail 1"
assert_eq "$("$BERTH" logs --since 1h counter | head -1)" "line0" "logs --since 1h has everything"
assert_eq "$("$BERTH" logs --since 0.1ms counter | wc -l | tr -d ' ')" "0" "logs --since a moment ago has nothing yet"
assert_eq "$("$BERTH" pause counter)" "counter" "pause prints the name"
assert_contains "$("$BERTH" ps --format '{{.Names}} {{.Status}}')" "(Paused)" "ps shows Paused"
assert_eq "$("$BERTH" unpause counter)" "counter" "unpause prints the name"
"$BERTH" rm -f counter > /dev/null

log "usage errors of run exit 125, like docker"
code=0
"$BERTH" run --bogus "$IMG" 2> /dev/null || code=$?
assert_eq "$code" "125" "unknown flag"
code=0
"$BERTH" run --memory 12x "$IMG" true 2> /dev/null || code=$?
assert_eq "$code" "125" "bad --memory"

log "a taken name is the engine's conflict, one line, exit 125 for run"
code=0
err="$("$BERTH" run -d --name web "$IMG" true 2>&1 >/dev/null)" || code=$?
assert_eq "$code" "125" "run with a taken name"
assert_contains "$err" "Error response from daemon: " "conflict reported as the engine's"
assert_contains "$err" "web" "conflict names the container"
assert_eq "$(printf '%s\n' "$err" | wc -l)" "1" "one line"

log "stop, then ps -a shows Exited, rm removes"
assert_eq "$("$BERTH" stop -t 1 web)" "web" "stop prints the name"
assert_eq "$("$BERTH" inspect --format '{{.State.Running}}' web)" "false" "stopped"
assert_contains "$("$BERTH" ps -a)" "Exited (" "ps -a status wording"
assert_eq "$("$BERTH" ps -q | wc -l)" "0" "ps hides stopped containers"
assert_eq "$("$BERTH" rm web)" "web" "rm prints the name"
code=0
err="$("$BERTH" rm web 2>&1)" || code=$?
assert_eq "$code" "1" "rm of a missing container fails"
assert_eq "$err" "Error response from daemon: No such container: web" "missing container message"

log "create + start -a + wait, rename, kill"
"$BERTH" create --name job "$IMG" sh -c 'echo from-job; exit 4' > /dev/null
code=0
out="$("$BERTH" start -a job)" || code=$?
assert_eq "$out" "from-job" "start -a output"
assert_eq "$code" "4" "start -a exit code"
assert_eq "$("$BERTH" wait job)" "4" "wait prints the exit code"
"$BERTH" rename job job2
assert_eq "$("$BERTH" inspect --format '{{.Name}}' job2)" "/job2" "rename"
"$BERTH" run -d --name sleeper "$IMG" sleep 1000 > /dev/null
assert_eq "$("$BERTH" kill -s KILL sleeper)" "sleeper" "kill prints the name"
assert_eq "$("$BERTH" wait sleeper)" "137" "killed by SIGKILL"
"$BERTH" rm -f job2 sleeper > /dev/null
assert_eq "$("$BERTH" ps -aq | wc -l)" "0" "all removed"

log "ok"
