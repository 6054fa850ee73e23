#!/usr/bin/env bash
# npm run test:container: proves the Docker image with podman (there is no Docker engine here).
#   1. builds it from a clean clone of this repository's HEAD, and checks the image: user node,
#      /app/data a volume, the HEALTHCHECK, node as PID 1, no sources or dev dependencies, and
#      not the stemmer package's non-commercial dictionary;
#   2. starts it with a host folder as /app/data and WA_WEBSOCKET_URL at a refused loopback port;
#   3. checks that it starts, writes health.json, retries calmly, and that the HEALTHCHECK command
#      says healthy;
#   4. sends SIGTERM and checks that it exits 0 within 10 s;
#   5. runs a scripted conversation through the simulator inside the image, on the same folder
#      (after the bot stopped: two programs writing one db.json would overwrite each other, so the
#      simulator refuses a folder a running bot uses, and this checks that refusal too);
#   6. starts a second container on the same folder and checks the customer, ticket and order
#      from the first run are all there.
# Needs podman and the tools in ../shared/tools (container-base builds the base image once).
# Where podman is not installed at all, it says so and exits 0: the unit tests still ran.
set -euo pipefail
name=test:container
source "$(dirname "$0")/container-tools.sh"
run=$tools/container-run
image=layani:container-test
work=$(mktemp -d)
data=$work/data
bot_pid=
cleanup() {
  [[ -n $bot_pid ]] && kill -TERM "$bot_pid" 2>/dev/null && wait "$bot_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
step() { echo "test:container: $*"; }
fail() { echo "test:container: FAILED: $*" >&2; exit 1; }

step "0. base image"
"$tools/container-base" >/dev/null

step "1. build from a clean clone"
git clone -q "$repo" "$work/src"
# docker format: the OCI format podman uses by default has no HEALTHCHECK
podman build --isolation=chroot --pull=never --format docker -q -t "$image" "$work/src" >/dev/null
mkdir -p "$data" && chmod 777 "$data"
config=$(podman image inspect "$image" --format '{{json .Config}}')
healthcheck=$(podman image inspect "$image" --format '{{json .HealthCheck}}')
node -e '
  const c = JSON.parse(process.argv[1]);
  const h = JSON.parse(process.argv[2]);
  const problems = [];
  if (c.User !== "node") problems.push(`runs as "${c.User}", not node`);
  if (!c.Volumes || !("/app/data" in c.Volumes)) problems.push("/app/data is not a volume");
  if (!(h?.Test ?? []).join(" ").includes("dist/src/health-check.js")) problems.push("no HEALTHCHECK running dist/src/health-check.js");
  if ((c.Cmd ?? []).join(" ") !== "node dist/src/main.js" || (c.Entrypoint ?? []).length > 0) problems.push("node is not PID 1 (exec-form CMD, no entrypoint)");
  if (problems.length) { console.error(problems.join("; ")); process.exit(1); }' "$config" "$healthcheck" || fail "the image's configuration"
"$run" "$image" -- sh -c 'test ! -e node_modules/vitest && test ! -e node_modules/typescript && test ! -e node_modules/tsx && test ! -e src && test ! -e test && ls dist/src/main.js >/dev/null' \
  || fail "the runtime image holds more than compiled JavaScript and production dependencies"
"$run" "$image" -- sh -c 'test -e node_modules/ts-sastrawi/dist/stemmer.js && ! ls node_modules/ts-sastrawi/dist | grep -q dictionary-default' \
  || fail "the image carries the stemmer's non-commercial dictionary (or no stemmer)"
size=$(podman image inspect "$image" --format '{{.Size}}')

step "2. start with a refused WhatsApp endpoint"
"$run" "$image" -v "$data:/app/data" -e WA_WEBSOCKET_URL=ws://127.0.0.1:9 -e OWNER_NUMBERS=081100001111 >"$work/bot1.log" 2>&1 &
bot_pid=$!
started=$(date +%s)
for _ in $(seq 1 60); do
  [[ -s $data/health.json ]] && grep -q 'placeholder pictures drawn' "$work/bot1.log" && break
  sleep 1
done

step "3. it runs, reports its health and retries calmly"
[[ -s $data/health.json ]] || fail "no health.json after 60 s; log: $(tail -5 "$work/bot1.log")"
node -e 'const h=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); if(!h.connection||typeof h.updatedAt!=="number") process.exit(1)' "$data/health.json" \
  || fail "health.json is not a health report"
sleep 10
retries=$(grep -c 'the WhatsApp connection closed; reconnecting' "$work/bot1.log" || true)
elapsed=$(($(date +%s) - started))
[[ $retries -ge 1 ]] || fail "no reconnect attempt in the log"
[[ $retries -le 8 ]] || fail "$retries reconnect attempts in $elapsed s: not backing off"
grep -q '"level":[56]0' "$work/bot1.log" && fail "errors in the log: $(grep '"level":[56]0' "$work/bot1.log" | head -3)"
echo '{"from":"081234567890","text":"halo","at":"2026-12-01T10:00:00+07:00"}' >"$data/refused.jsonl"
chmod 644 "$data/refused.jsonl"
set +e
"$run" "$image" -v "$data:/app/data" -- sh -c 'node dist/src/simulator/main.js --jsonl --data /app/data < /app/data/refused.jsonl' >"$work/refused.out" 2>&1
refused=$?
set -e
[[ $refused -eq 2 ]] && grep -q 'a bot is running on /app/data' "$work/refused.out" || fail "the simulator did not refuse the running bot's folder (status $refused): $(tail -3 "$work/refused.out")"
# the image's own HEALTHCHECK command, beside the running bot: healthy while it retries (under 10 min)
"$run" "$image" -v "$data:/app/data" -- node dist/src/health-check.js >"$work/health.out" 2>&1 \
  || fail "the HEALTHCHECK command says unhealthy: $(cat "$work/health.out")"

step "4. SIGTERM: exits 0 within 10 s"
start=$(date +%s%N)
kill -TERM "$bot_pid"
set +e
wait "$bot_pid"
status=$?
set -e
bot_pid=
took_ms=$((($(date +%s%N) - start) / 1000000))
[[ $status -eq 0 ]] || fail "exit status $status after SIGTERM; log: $(tail -5 "$work/bot1.log")"
[[ $took_ms -le 10000 ]] || fail "took $took_ms ms to stop"
grep -q '"msg":"stopped"' "$work/bot1.log" || fail "no 'stopped' in the log"
"$run" "$image" -v "$data:/app/data" -- node dist/src/health-check.js >"$work/health-stopped.out" 2>&1 \
  && fail "the HEALTHCHECK command says healthy for a stopped bot: $(cat "$work/health-stopped.out")"

step "5. a scripted conversation through the simulator in the image, on the same folder"
cat >"$data/conversation.jsonl" <<'EOF'
{"from":"081234567890","name":"Rina","text":"halo","at":"2026-12-01T10:00:00+07:00"}
{"from":"081234567890","text":"pesan P07 2"}
{"from":"081234567890","text":"komplain kak, vasnya pecah"}
{"from":"081234567890","text":"sudah"}
EOF
chmod 644 "$data/conversation.jsonl"
"$run" "$image" -v "$data:/app/data" -e OWNER_NUMBERS=081100001111 -- \
  sh -c 'node dist/src/simulator/main.js --jsonl --data /app/data < /app/data/conversation.jsonl' >"$work/sim1.out" 2>"$work/sim1.err" \
  || fail "the simulator failed: $(tail -5 "$work/sim1.err")"
grep -q 'O-0001' "$work/sim1.out" || fail "no order number in the simulator's answers"
grep -q 'K-0001' "$work/sim1.out" || fail "no ticket number in the simulator's answers"

step "6. a second container on the same folder has the customer, the order and the ticket"
"$run" "$image" -v "$data:/app/data" -e WA_WEBSOCKET_URL=ws://127.0.0.1:9 -e OWNER_NUMBERS=081100001111 >"$work/bot2.log" 2>&1 &
bot_pid=$!
for _ in $(seq 1 60); do
  grep -q 'layani is running' "$work/bot2.log" && break
  sleep 1
done
grep -q '"customers":1' "$work/bot2.log" || fail "the second start does not see the customer: $(grep 'layani is running' "$work/bot2.log")"
kill -TERM "$bot_pid"
wait "$bot_pid" || fail "the second container did not exit 0"
bot_pid=
cat >"$data/check.jsonl" <<'EOF'
{"from":"081100001111","text":"!pesanan 1","at":"2026-12-01T11:00:00+07:00"}
{"from":"081100001111","text":"!keluhan 1"}
EOF
chmod 644 "$data/check.jsonl"
"$run" "$image" -v "$data:/app/data" -e OWNER_NUMBERS=081100001111 -- \
  sh -c 'node dist/src/simulator/main.js --jsonl --data /app/data < /app/data/check.jsonl' >"$work/sim2.out" 2>"$work/sim2.err" \
  || fail "the checking simulator failed: $(tail -5 "$work/sim2.err")"
grep -q 'Pesanan O-0001' "$work/sim2.out" || fail "order O-0001 is missing after the restarts: $(cat "$work/sim2.out")"
grep -q 'Keluhan K-0001' "$work/sim2.out" || fail "ticket K-0001 is missing after the restarts: $(cat "$work/sim2.out")"
grep -q 'Rina' "$work/sim2.out" || fail "the customer's name is missing"

step "passed (image $((size / 1000000)) MB; started, healthy, $retries calm retries in $elapsed s; SIGTERM exit 0 in $took_ms ms; simulator; data kept)"
