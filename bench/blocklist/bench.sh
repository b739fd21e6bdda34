# The panel's blocklist benchmark (issue 6), sourced by bin/bench. What each figure is: docs/BENCHMARKS.md,
# "IP blocklists: the panel". Two JUnit classes of the panel's test tree, run on their own (their names do not
# end in Test or IT, so the suite never runs them):
#   ListEngineBench   a generated 1,000,000-entry list parsed, de-duplicated and merged: time and extra heap
#   BlocklistBench    the panel's services on PostgreSQL and N real agents (the unit's JVM options), each with
#                     its ipset and iptables in a network namespace of its own: a 1,000,000-entry list from a
#                     local HTTP server onto one node and onto N, and a change of 100 entries against it
#   bin/bench blocklist [--nodes N] [--entries E] [--record]   (as root; about 10 minutes with 20 nodes)

blocklist_markdown() {
  local commit
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  # shellcheck disable=SC2154  # LE and BB are filled by bench_blocklist
  cat <<MD
Measured $(date +%Y-%m-%d) at commit $commit, $(nproc) cores, Java ${LE[java]} (load average $BL_LOAD at the start;
panel, PostgreSQL and the ${BB[all_nodes]} agents on the same machine).

| Figure | Value |
|---|---|
| List engine: generated list | ${LE[entries_generated]} entries, $((LE[file_bytes] / 1000000)) MB, ${LE[garbage]} garbage and ${LE[refused]} non-public lines; ${LE[merged_entries]} entries after merging (${LE[merged_ipv6_entries]} IPv6) |
| List engine: parse + de-duplicate + merge (median of 5) | ${LE[parse_ms]} ms |
| List engine: extra heap to parse it (smallest -Xmx that works, minus an idle JVM's) / the merged list held | ${LE[heap_extra_mb]} MB / ${LE[retained_list_mb]} MB |
| List engine: content hash / diff of 100 changes / sync body plain / gzip | ${LE[content_hash_ms]} / ${LE[diff_ms]} / ${LE[sync_body_ms]} / ${LE[sync_body_gzip_ms]} ms |
| Automatic list of ${BB[list_entries_merged]} entries (after merging): download from a local server, parse, merge, store | ${BB[list_refresh_ms]} ms |
| That list onto one real node: from the refresh's end until the node applied it (debounce included) | ${BB[one_node_full_ms]} ms (${BB[one_node_kernel_entries]} entries in the kernel's set) |
| A paste of 100 addresses against it, one node: from the paste until the node applied the delta | ${BB[one_node_change_100_ms]} ms |
| The list onto ${BB[all_nodes]} nodes at once ($((BB[all_nodes] - 1)) of them new, 16 pushes in parallel): until every node applied it | ${BB[all_nodes_full_ms]} ms (${BB[all_nodes_full_retried]} pushes past their deadline and retried); panel CPU ${BB[all_nodes_full_panel_cpu_ms]} ms |
| A paste of 100 addresses against it, ${BB[all_nodes]} nodes: until the first node / every node applied the delta | ${BB[all_nodes_change_100_first_ms]} / ${BB[all_nodes_change_100_ms]} ms (${BB[all_nodes_change_100_retried]} retried); panel CPU ${BB[all_nodes_change_100_panel_cpu_ms]} ms |
MD
}

# Reads KEY=VALUE lines into the associative array named $2.
read_properties() {
  local file=$1 key value
  local -n into=$2
  [[ -f "$file" ]] || die "$file is missing: the benchmark did not finish"
  while IFS='=' read -r key value; do
    [[ -n "$key" ]] && into[$key]=$value
  done <"$file"
}

bench_blocklist() {
  local record_figures=false nodes=20 entries=1000000 props=()
  while (($#)); do
    case "$1" in
      --record) record_figures=true; shift ;;
      --nodes) nodes=$2; shift 2 ;;
      --entries) entries=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ $(id -u) -eq 0 ]] || die "the blocklist benchmark makes network namespaces: run it as root"
  for tool in ip ipset iptables psql mvn; do
    command -v "$tool" >/dev/null || die "$tool is not installed (bin/fleetpanel test installs what is needed)"
  done
  if $record_figures && { [[ $nodes -ne 20 ]] || [[ $entries -ne 1000000 ]]; }; then
    die "--record takes the issue's figures only: 20 nodes, 1,000,000 entries"
  fi
  BL_LOAD=$(cut -d' ' -f1 /proc/loadavg)
  export FLEETPANEL_TEST_DB_URL="$TEST_DB_URL"
  export FLEETPANEL_TEST_DB_USER="$PGUSER" FLEETPANEL_TEST_DB_PASSWORD="$PGPASSWORD"
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  say "Building the agent and the panel's tests..."
  (cd "$ROOT" && mvn -B -q -DskipTests install -pl node-api/agent,panel -am) >&2 || die "build failed"
  props=(-Dfleetpanel.bench.entries="$entries" -Dfleetpanel.bench.nodes="$nodes"
    -Dfleetpanel.agent.javaOpts="$(agent_unit_options)")
  rm -f "$ROOT/panel/target/bench/list-engine.properties" "$ROOT/panel/target/bench/blocklist.properties"
  say "List engine ($entries entries)..."
  (cd "$ROOT" && mvn -B -q -pl panel surefire:test -Dtest=ListEngineBench "${props[@]}") >&2 \
    || die "ListEngineBench failed"
  say "$entries entries onto $nodes real agents in network namespaces..."
  (cd "$ROOT" && mvn -B -q -pl panel surefire:test -Dtest=BlocklistBench "${props[@]}") >&2 \
    || die "BlocklistBench failed"
  declare -gA LE=() BB=()
  read_properties "$ROOT/panel/target/bench/list-engine.properties" LE
  read_properties "$ROOT/panel/target/bench/blocklist.properties" BB
  blocklist_markdown
  if $record_figures; then record_between blocklist "$(blocklist_markdown)"; fi
}
