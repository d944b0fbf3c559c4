#!/usr/bin/env python3
"""Helpers for bench/run.sh (Python 3 standard library only).

  ports N                      print N free loopback TCP ports
  wrk LABEL URL ...            run wrk pinned to the load core, sample /proc around it, append a JSON
                               line to the results file
  rss PID...                   VmRSS, VmHWM and PSS of the processes (and their children), summed, as JSON
  tree PID                     the PID and its child processes (a relaunched gateway is two JVMs)
  start [--log F] PORT KEY BODY -- CMD  start CMD, time start → first 200 from POST /v1/chat/completions, stop it
  sample --pid P --seconds S   RSS of the processes every 5 s for S seconds (the soak), JSON lines
  plot RESULTS DIR             PNG plots of a run (gnuplot): req/s and p99 by target, RSS over the soak
  billing DB                   request-log rows of the run, by settlement, with the total cost
  hot FILE                     top frames of an async-profiler collapsed-stack file (or a JFR file)
  report RESULTS               the markdown report of a run
"""

import argparse
import collections
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------------------- sampling


def proc_ticks(pids):
    """utime+stime of the processes (all their threads), in clock ticks."""
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # fields 14 and 15 of stat(5)
    return total


def thread_ticks(pids):
    """utime+stime per thread name (digits stripped, so a pool's threads add up), in clock ticks."""
    out = collections.Counter()
    for pid in pids:
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    raw = f.read()
            except OSError:
                continue
            name = raw[raw.index("(") + 1 : raw.rindex(")")]
            fields = raw.rsplit(")", 1)[1].split()
            out[re.sub(r"[-#]?\d+(-\d+)*$", "", name).strip() or name] += int(fields[11]) + int(fields[12])
    return out


def cpu_times():
    """{cpuN: (busy_ticks, total_ticks)} from /proc/stat."""
    out = {}
    with open("/proc/stat") as f:
        for line in f:
            if re.match(r"cpu\d+ ", line):
                name, *vals = line.split()
                vals = [int(v) for v in vals[:8]]
                idle = vals[3] + vals[4]
                out[name] = (sum(vals) - idle, sum(vals))
    return out


def tree(pid):
    """The process and its descendants: `java -jar` without options relaunches itself as a child."""
    kids = collections.defaultdict(list)
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    kids[int(f.read().rsplit(")", 1)[1].split()[1])].append(int(d))
            except OSError:
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def rss(pids):
    """VmRSS, VmHWM and PSS summed. RSS counts pages two JVMs share (libjvm, the JDK's CDS archive)
    in both; PSS splits them: the two bracket what the processes really cost."""
    rss_kib = hwm_kib = pss_kib = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss_kib += int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm_kib += int(line.split()[1])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss_kib += int(line.split()[1])
        except OSError:
            pass
    return {"rss_kib": rss_kib, "hwm_kib": hwm_kib, "pss_kib": pss_kib, "processes": len(pids)}


def cmd_ports(args):
    import socket

    socks = []
    for _ in range(args.n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    print(" ".join(str(s.getsockname()[1]) for s in socks))
    for s in socks:
        s.close()


def cmd_rss(args):
    print(json.dumps(rss(args.pid)))


def cmd_tree(args):
    print(" ".join(str(p) for p in tree(args.pid)))


def cmd_sample(args):
    """RSS of the processes every INTERVAL s for SECONDS s: the soak's curve, one JSON line per sample."""
    t0 = time.monotonic()
    with open(args.out, "a") as f:
        while time.monotonic() - t0 < args.seconds:
            try:
                r = rss(args.pid)
            except OSError:
                break
            r.update(kind="soak", t_s=round(time.monotonic() - t0, 1))
            f.write(json.dumps(r) + "\n")
            f.flush()
            time.sleep(args.interval)


def cmd_start(args):
    """Starts CMD with PORT, times start → first 200 from POST /v1/chat/completions (a fresh connection
    per try, 5 ms apart), reads the process tree's CPU time at that moment, then stops it with SIGTERM."""
    import signal
    import socket

    body = open(args.body, "rb").read()
    req = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {args.key}\r\n"
           f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
           ).encode() + body
    env = dict(os.environ, PORT=str(args.port), HOST="127.0.0.1")
    log = open(args.log, "ab") if args.log else subprocess.DEVNULL
    t0 = time.monotonic()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    listen = first = cpu = None
    status = None
    try:
        while time.monotonic() - t0 < args.timeout and p.poll() is None:
            try:
                s = socket.create_connection(("127.0.0.1", args.port), timeout=args.timeout)
            except OSError:
                time.sleep(0.005)
                continue
            if listen is None:
                listen = time.monotonic() - t0
            s.sendall(req)
            data = b""
            while True:
                c = s.recv(65536)
                if not c:
                    break
                data += c
            s.close()
            status = data[9:12].decode(errors="replace")
            if status == "200":
                first = time.monotonic() - t0
                cpu = proc_ticks(tree(p.pid)) / CLK_TCK
                break
            time.sleep(0.005)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            code = p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            code = p.wait()
    print(json.dumps({"kind": "start", "listen_s": listen and round(listen, 3), "first_200_s": first and round(first, 3),
                      "cpu_s": cpu and round(cpu, 2), "last_status": status, "exit_status": code}))


def cmd_wrk(args):
    env = dict(os.environ, BENCH_BODY=open(args.body_file).read().strip(), BENCH_KEY=args.key)
    cmd = ["taskset", "-c", args.load_cpu, "wrk", "-t1", f"-c{args.connections}", f"-d{args.duration}s",
           "--latency", "-s", args.lua, args.url]
    th0 = thread_ticks(args.pid)
    t0, c0, p0 = time.monotonic(), cpu_times(), proc_ticks(args.pid) if args.pid else 0
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout
    t1, c1, p1 = time.monotonic(), cpu_times(), proc_ticks(args.pid) if args.pid else 0
    th1 = thread_ticks(args.pid)
    m = re.search(r"^WRK (\{.*\})$", out, re.M)
    if not m:
        sys.stderr.write(out)
        sys.exit("wrk printed no summary")
    w = json.loads(m.group(1))
    secs = w["duration_us"] / 1e6
    errors = w["err_connect"] + w["err_read"] + w["err_write"] + w["err_status"] + w["err_timeout"]
    rec = {
        "kind": "wrk",
        "case": args.case,
        "target": args.label,
        "url": args.url,
        "connections": args.connections,
        "requests": w["requests"],
        "rps": round(w["requests"] / secs, 1),
        "p50_ms": round(w["p50_us"] / 1000, 3),
        "p99_ms": round(w["p99_us"] / 1000, 3),
        "errors": errors,
        "error_detail": {k: w[k] for k in w if k.startswith("err_") and w[k]},
        "mb_per_s": round(w["bytes"] / secs / 1e6, 1),
    }
    if args.pid:
        proxy_s = (p1 - p0) / CLK_TCK
        rec["proxy_cpu_us_per_req"] = round(proxy_s * 1e6 / max(1, w["requests"]), 1)
        rec["proxy_cpu_pct"] = round(100 * proxy_s / (t1 - t0), 1)
        rec["threads_cpu_pct"] = {k: round(100 * (th1[k] - th0.get(k, 0)) / CLK_TCK / (t1 - t0), 1)
                                  for k in th1 if th1[k] - th0.get(k, 0) > 0}
    rec["core_busy_pct"] = {
        k: round(100 * (c1[k][0] - c0[k][0]) / max(1, c1[k][1] - c0[k][1]), 1) for k in sorted(c1)
    }
    with open(args.results, "a") as f:
        f.write(json.dumps(rec) + "\n")
    with open(args.results + ".wrk.log", "a") as f:
        f.write(f"### {args.case} {args.label}\n{out}\n")
    note = f" errors={rec['error_detail']}" if errors else ""
    cpu = f" cpu/req={rec['proxy_cpu_us_per_req']}us proxy={rec['proxy_cpu_pct']}%" if args.pid else ""
    sys.stderr.write(f"    {args.case:10s} {args.label:13s} {rec['rps']:>10.0f} req/s  p50={rec['p50_ms']}ms "
                     f"p99={rec['p99_ms']}ms{cpu} cores={rec['core_busy_pct']}{note}\n")


def cmd_billing(args):
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True, timeout=10)
    rows = con.execute(
        "SELECT stream, status, settlement, count(*), sum(cost), sum(prompt_tokens), sum(completion_tokens),"
        " sum(estimated) FROM request_logs GROUP BY 1, 2, 3 ORDER BY 4 DESC").fetchall()
    used = con.execute("SELECT sum(used_quota) FROM tokens").fetchone()[0]
    print(json.dumps({"groups": [
        {"stream": bool(r[0]), "status": r[1], "settlement": r[2], "rows": r[3], "cost": r[4],
         "prompt_tokens": r[5], "completion_tokens": r[6], "estimated": r[7]} for r in rows],
        "token_used_quota": used}))


# -------------------------------------------------------------------------------------- profiling


def frame_name(f):
    f = f.strip()
    # async-profiler annotations: _[j] JIT, _[i] inlined, _[k] kernel, _[0] interpreted, _[1] C1
    f = re.sub(r"_\[[a-z0-9]\]$", "", f)
    # native libraries unpacked to a temporary file: keep the library's name only
    f = re.sub(r"^/tmp/sqlite-[^ ]*-libsqlitejdbc\.so$", "libsqlitejdbc.so (SQLite native)", f)
    return f


def kernel_frame(f):
    return f.endswith("_[k]")


def category(stack):
    """Where a sample's time goes, by its top frames: the first frame that names a library we know."""
    for f in reversed(stack):
        if kernel_frame(f):
            continue
        n = frame_name(f)
        for prefix, cat in (
            ("ai/burncloud/", "BurnCloud code"), ("ai.burncloud.", "BurnCloud code"),
            ("io/netty/", "Netty"), ("io.netty.", "Netty"),
            ("com/fasterxml/", "Jackson"), ("com.fasterxml.", "Jackson"),
            ("com/knuddels/jtokkit", "jtokkit"), ("com.knuddels.jtokkit", "jtokkit"),
            ("org/sqlite", "SQLite/JDBC"), ("org.sqlite", "SQLite/JDBC"),
            ("ch/qos/logback", "logging"), ("org/slf4j", "logging"),
            ("io/vertx", "Vert.x"), ("io.vertx", "Vert.x"),
            ("java/", "JDK"), ("java.", "JDK"), ("jdk/", "JDK"), ("jdk.", "JDK"), ("sun/", "JDK"), ("sun.", "JDK"),
        ):
            if n.startswith(prefix):
                return cat
    return None


def load_collapsed(path):
    stacks = []
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, count = line.rpartition(" ")
            stacks.append((stack.split(";"), int(count)))
    return stacks


def load_jfr(path):
    """jdk.ExecutionSample stacks of a JFR file, in collapsed form (root first)."""
    out = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", path],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    data = json.loads(out)
    stacks = collections.Counter()
    for ev in data["recording"]["events"]:
        st = ev["values"].get("stackTrace") or {}
        frames = []
        for fr in st.get("frames", []):
            m = fr["method"]
            frames.append(m["type"]["name"].replace(".", "/") + "." + m["name"] + "_[j]")
        thread = (ev["values"].get("sampledThread") or {}).get("javaName") or "?"
        stacks[tuple([f"[{thread}]"] + frames[::-1])] += 1
    return [(list(k), v) for k, v in stacks.items()]


def thread_group(first):
    n = re.sub(r"[\[\]]", "", first)
    n = re.sub(r"\s+tid=\d+", "", n)
    return re.sub(r"[-#]?\d+(-\d+)*$", "", n) or n


# frames that only pass events along the Netty pipeline or run the event loop: left out of the
# inclusive table, where they would sit on top of everything
PLUMBING = re.compile(
    r"AbstractChannelHandlerContext\.|DefaultChannelPipeline|CombinedChannelDuplexHandler\.|"
    r"ChannelInboundHandlerAdapter\.|ChannelDuplexHandler\.|MessageToMessageDecoder\.channelRead|"
    r"ByteToMessageDecoder\.(channelRead|callDecode|decodeRemovalReentryProtection|fireChannelRead)|"
    r"SingleThreadIoEventLoop|SingleThreadEventExecutor|EpollIoHandler|ThreadExecutorMap|FastThreadLocalRunnable|"
    r"AbstractEpollChannel\$AbstractEpollUnsafe\.handle|java/lang/Thread\.run|ChannelOutboundHandlerAdapter\.|"
    r"MessageToMessageEncoder\.write|IdleStateHandler\.(channelRead|write)")


def short(frame):
    n = frame_name(frame)
    return n.rsplit("/", 1)[-1] if "/" in n and "(" not in n else n


def cmd_hot(args):
    stacks = load_jfr(args.file) if args.file.endswith(".jfr") else load_collapsed(args.file)
    total = sum(c for _, c in stacks)
    if not total:
        print("(no samples)")
        return
    threads = collections.Counter()
    selfc = collections.Counter()
    via = collections.defaultdict(collections.Counter)
    incl = collections.Counter()
    cats = collections.Counter()
    for stack, c in stacks:
        if stack and stack[0].startswith("["):
            threads[thread_group(stack[0])] += c
            frames = stack[1:]
        else:
            frames = stack
        if not frames:
            continue
        top = frames[-1]
        key = "(kernel) " + frame_name(top) if kernel_frame(top) else frame_name(top)
        selfc[key] += c
        # the nearest Java callers, skipping native/kernel frames and the frame itself
        java = [short(f) for f in frames[:-1] if "/" in frame_name(f) and not kernel_frame(f)
                and frame_name(f) != frame_name(top) and not PLUMBING.search(frame_name(f))]
        via[key][" ← ".join(reversed(java[-3:]))] += c
        for name in {frame_name(f) for f in frames if not kernel_frame(f)}:
            incl[name] += c
        cats[category(frames) or "JVM internals / native (GC, JIT, libc)"] += c
        if kernel_frame(top):
            cats["(all areas) time in the kernel"] += c

    def pct(v):
        return f"{100 * v / total:.1f}"

    source = ("JFR jdk.ExecutionSample, Java frames only" if args.file.endswith(".jfr")
              else "async-profiler cpu, 1 ms interval, all threads of the JVM")
    print(f"\n{total} samples ({source})\n")
    print("| thread | % |\n| --- | ---: |")
    for k, v in threads.most_common(8):
        print(f"| {k} | {pct(v)} |")
    print("\n| code area (innermost known library frame) | % |\n| --- | ---: |")
    for k, v in cats.most_common(12):
        print(f"| {k} | {pct(v)} |")
    print("\n**Self time** (the frame on top of the stack) and its most common Java callers:\n")
    print("| % | frame | most common callers (innermost first) |\n| ---: | --- | --- |")
    for k, v in selfc.most_common(args.top):
        caller, n = via[k].most_common(1)[0] if via[k] else ("", 0)
        print(f"| {pct(v)} | `{k}` | {caller} ({100 * n / v:.0f} % of it) |" if caller else f"| {pct(v)} | `{k}` | |")
    print("\n**Inclusive time, BurnCloud methods** (the method and everything it calls):\n")
    print("| % | method |\n| ---: | --- |")
    for k, v in [(k, v) for k, v in incl.most_common() if k.startswith(("ai/burncloud/", "ai.burncloud."))][:args.top]:
        print(f"| {pct(v)} | `{k}` |")
    print("\n**Inclusive time, library methods** (Netty pipeline plumbing and event-loop frames left out):\n")
    print("| % | method |\n| ---: | --- |")
    rows = [(k, v) for k, v in incl.most_common()
            if "/" in k and not k.startswith(("ai/burncloud/", "ai.burncloud.")) and not PLUMBING.search(k)]
    for k, v in rows[:args.top]:
        print(f"| {pct(v)} | `{k}` |")


# ----------------------------------------------------------------------------------------- report


def fmt(v, digits=0):
    if v is None:
        return "–"
    if isinstance(v, float) and digits == 0:
        return f"{v:,.0f}"
    return f"{v:,.{digits}f}"


def ratio(a, b, digits=2):
    if a is None or b in (None, 0):
        return "–"
    return f"{a / b:.{digits}f}×"


def cmd_report(args):
    recs = [json.loads(l) for l in open(args.results) if l.strip()]
    meta = next((r for r in recs if r["kind"] == "meta"), {})
    wrk = {(r["case"], r["target"]): r for r in recs if r["kind"] == "wrk"}
    lat = {r["target"]: r for r in recs if r["kind"] == "latency"}
    hold = {r["target"]: r for r in recs if r["kind"] == "hold"}
    rssr = {r["label"]: r for r in recs if r["kind"] == "rss"}
    bill = next((r for r in recs if r["kind"] == "billing"), None)
    soak = [r for r in recs if r["kind"] == "soak"]
    starts = [r for r in recs if r["kind"] == "start"]
    notes_peers = [r for r in recs if r["kind"] == "note"]
    P = print

    P(f"## Run {meta.get('date', '?')}\n")
    P(f"- machine: {meta.get('cpu', '?')}, {meta.get('nproc', '?')} cores, {meta.get('mem', '?')}, "
      f"{meta.get('kernel', '?')}")
    P(f"- load average before the run: {meta.get('load_before', '?')}; after: {meta.get('load_after', '?')} "
      f"→ **{meta.get('busy_verdict', '?')}**")
    P(f"- software: {meta.get('java', '?')}; {meta.get('nginx', '?')}; {meta.get('wrk', '?')}; "
      f"BurnCloud {meta.get('commit', '?')}")
    opts = f"`{meta['java_opts']}`" if meta.get("java_opts") else "none (exactly what `burncloud router` runs)"
    P(f"- BurnCloud JVM options: {opts}; {meta.get('jvm_ergonomics', '')}")
    P(f"- proxy under test pinned to CPU {meta.get('proxy_cpu')}; wrk and the upstreams to CPU "
      f"{meta.get('load_cpu')}; {meta.get('duration')} s per wrk case, {meta.get('connections')} connections, "
      f"BurnCloud warmed up for {meta.get('warmup')} s first")
    P()
    P("### Throughput (wrk, 64 connections)\n")
    P("| case | target | req/s | p50 ms | p99 ms | proxy CPU µs/req | proxy CPU (% of its core) | errors | "
      "req/s vs direct | req/s vs nginx | CPU/req vs nginx |")
    P("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for case in ("non-stream", "stream"):
        d, n = wrk.get((case, "direct")), wrk.get((case, "nginx-proxy"))
        for target in TARGETS:
            r = wrk.get((case, target))
            if not r:
                continue
            cpu = r.get("proxy_cpu_us_per_req")
            P(f"| {case} | {target} | {fmt(r['rps'])} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
              f"{fmt(cpu, 1) if cpu is not None else '–'} | "
              f"{fmt(r.get('proxy_cpu_pct'), 0) + ' %' if r.get('proxy_cpu_pct') is not None else '–'} | "
              f"{r['errors']} | "
              f"{ratio(r['rps'], d['rps']) if d and target != 'direct' else '–'} | "
              f"{ratio(r['rps'], n['rps']) if n and target in ('burncloud', 'portkey') else '–'} | "
              f"{ratio(cpu, n.get('proxy_cpu_us_per_req')) if n and target in ('burncloud', 'portkey') else '–'} |")
    notes = []
    for (case, target), r in wrk.items():
        if target != "direct" and r.get("proxy_cpu_pct") is not None and r["proxy_cpu_pct"] < 90:
            load = max((v for k, v in r["core_busy_pct"].items() if k == f"cpu{meta.get('load_cpu')}"), default=0)
            why = (f"the load core was {load:.0f} % busy: wrk, the upstream and any other process"
                   if load >= 95 else "other processes took part of its core")
            notes.append(f"{case} / {target} used only {r['proxy_cpu_pct']:.0f} % of its core ({why}): its req/s "
                         f"is not its capacity; CPU µs/request still is comparable.")
    if notes:
        P()
        for n in notes:
            P(f"- ⚠ {n}")
    P()
    P("Core utilisation during each run (all processes, from /proc/stat; anything above the proxy's share "
      "on the proxy core is other work on the machine):\n")
    P("| case | target | " + " | ".join(f"{c} busy" for c in sorted(next(iter(wrk.values()))["core_busy_pct"]))
      + " |" if wrk else "")
    if wrk:
        P("| --- | --- |" + " ---: |" * len(next(iter(wrk.values()))["core_busy_pct"]))
        for (case, target), r in wrk.items():
            P(f"| {case} | {target} | " + " | ".join(f"{v:.0f} %" for _, v in sorted(r["core_busy_pct"].items()))
              + " |")
    P()
    bc = [(case, r) for (case, target), r in wrk.items() if target == "burncloud" and r.get("threads_cpu_pct")]
    if bc:
        P("BurnCloud CPU by thread during the wrk runs (% of one core, from /proc/PID/task/*/stat):\n")
        names = sorted({k for _, r in bc for k in r["threads_cpu_pct"]},
                       key=lambda k: -max(r["threads_cpu_pct"].get(k, 0) for _, r in bc))
        P("| case | " + " | ".join(names) + " |")
        P("| --- |" + " ---: |" * len(names))
        for case, r in bc:
            P(f"| {case} | " + " | ".join(f"{r['threads_cpu_pct'].get(k, 0):.1f}" for k in names) + " |")
        P()
    if lat:
        d = lat.get("direct")
        one = next(iter(lat.values()))
        P(f"### Stream latency ({one['streams']} streams, {one['concurrency']} at a time, one SSE event every "
          f"{one['gap_ms']:g} ms from the upstream)\n")
        P("TTFB: request written → first byte of the response head. First event: request written → first SSE "
          "event read. Request forward: request written → request complete at the upstream. Chunk delay: "
          "upstream wrote an event → client has read it (same clock, every event of every stream). "
          "Added = this target's p50 − direct's p50.\n")
        P("| target | TTFB p50 / p99 µs | first event p50 / p99 µs | request forward p50 µs | "
          "chunk delay p50 / p99 µs | **added TTFB** µs | added first event µs | **added chunk delay** µs | "
          "events | unmatched | errors |")
        P("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for target in ("direct", "nginx-proxy", "burncloud"):
            r = lat.get(target)
            if not r:
                continue
            def added(key):
                if not d or target == "direct" or r.get(key) is None or d.get(key) is None:
                    return "–"
                return fmt(r[key] - d[key])
            P(f"| {target} | {fmt(r['ttfb_p50_us'])} / {fmt(r['ttfb_p99_us'])} | "
              f"{fmt(r.get('first_event_p50_us'))} / {fmt(r.get('first_event_p99_us'))} | "
              f"{fmt(r.get('request_forward_p50_us'))} | {fmt(r['chunk_p50_us'])} / {fmt(r['chunk_p99_us'])} | "
              f"{added('ttfb_p50_us')} | {added('first_event_p50_us')} | {added('chunk_p50_us')} | "
              f"{r['events']} | {r['unmatched_events']} | "
              f"{r['errors'] + sum(v for k, v in r['statuses'].items() if k != '200')} |")
        P()
    P("### Memory (VmRSS)\n")
    P("| process | state | RSS MB | peak RSS (VmHWM) MB |")
    P("| --- | --- | ---: | ---: |")
    for label, r in rssr.items():
        P(f"| {r['process']} | {r['state']} | {r['rss_kib'] / 1024:.0f} | {r['hwm_kib'] / 1024:.0f} |")
    for target, r in hold.items():
        P(f"| {target} | {r['streams_open']}/{r['streams_requested']} streams open "
          f"({r['events_received']} events received, opened in {r['seconds_to_open_all']} s) | "
          f"{r['rss_kib'] / 1024:.0f} | – |")
    P()
    P("A BurnCloud started as plain `java -jar` is two processes (the relaunch, docs/OPERATIONS.md): its rows sum "
      "both. RSS counts the pages the two JVMs share twice; PSS (proportional set size) splits them.")
    heap = next((r for r in recs if r["kind"] == "heap"), None)
    if heap and heap.get("live_bytes"):
        P()
        P(f"BurnCloud live heap after a full GC (end of run): {heap['live_bytes'] / 1048576:.1f} MB; largest classes: "
          + ", ".join(f"`{t['class']}` {t['bytes'] / 1048576:.1f} MB" for t in heap["top"]) + ".")
    P()
    if bill:
        rows = sum(g["rows"] for g in bill["groups"])
        P("### Billing check\n")
        P(f"{rows} request-log rows written by BurnCloud during the run; token used quota "
          f"{bill['token_used_quota']} (nano-dollars):\n")
        P("| stream | status | settlement | rows | cost | prompt tokens | completion tokens | estimated |")
        P("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
        for g in bill["groups"]:
            P(f"| {g['stream']} | {g['status']} | {g['settlement']} | {g['rows']} | {g['cost']} | "
              f"{g['prompt_tokens']} | {g['completion_tokens']} | {g['estimated']} |")
        P()
    if starts:
        P("### Start-up\n")
        P("`java -jar dist/burncloud.jar router` with no options, pinned like the gateway, over the run's database; "
          "time from starting the process to the first 200 from POST /v1/chat/completions (a fresh connection "
          "every 5 ms), and the CPU time all its processes used until then.\n")
        P("| start | listening s | first 200 s | CPU s | exit status after SIGTERM |")
        P("| --- | ---: | ---: | ---: | ---: |")
        for i, r in enumerate(starts, 1):
            P(f"| {i} ({r.get('label', '')}) | {fmt(r.get('listen_s'), 3)} | {fmt(r.get('first_200_s'), 3)} | "
              f"{fmt(r.get('cpu_s'), 2)} | {r.get('exit_status')} |")
        P()
    if soak:
        rs = [r["rss_kib"] / 1024 for r in soak]
        P(f"### Soak\n\n{soak[0].get('streams', '?')} streams held open for {soak[-1]['t_s']:.0f} s, RSS sampled every "
          f"{soak[1]['t_s'] - soak[0]['t_s']:.0f} s: min {min(rs):.0f} MB, max {max(rs):.0f} MB, last {rs[-1]:.0f} MB "
          f"(plot: soak-rss.png).\n")
    for n in notes_peers:
        P(f"- {n['text']}")
    if notes_peers:
        P()
    P("### Against the targets (issue 15)\n")
    P("| measure | target | measured | met |")
    P("| --- | --- | --- | --- |")
    for name, bar, got, ok in issue15_rows(wrk, lat, hold, soak, starts):
        P(f"| {name} | {bar} | {got} | {'yes' if ok else '**no**'} |")
    P()
    # the bar of issue 3
    P("### Against the bar (issue 3)\n")
    P("| criterion | bar | measured | met |")
    P("| --- | --- | --- | --- |")
    for case in ("non-stream", "stream"):
        b, n = wrk.get((case, "burncloud")), wrk.get((case, "nginx-proxy"))
        if b and n:
            r = b["rps"] / n["rps"]
            met = "yes" if r >= 0.5 else "**no**"
            if r >= 0.5 and n.get("proxy_cpu_pct") is not None and n["proxy_cpu_pct"] < 90:
                met += (f" (not conclusive: nginx-proxy used only {n['proxy_cpu_pct']:.0f} % of its core, so its "
                        f"req/s is below its capacity)")
            P(f"| {case} req/s vs nginx-proxy | ≥ 50 % | {100 * r:.0f} % | {met} |")
            if b.get("proxy_cpu_us_per_req") and n.get("proxy_cpu_us_per_req"):
                c = b["proxy_cpu_us_per_req"] / n["proxy_cpu_us_per_req"]
                P(f"| {case} CPU/request vs nginx-proxy | ≤ 2× | {c:.2f}× ({b['proxy_cpu_us_per_req']:.0f} vs "
                  f"{n['proxy_cpu_us_per_req']:.0f} µs) | {'yes' if c <= 2 else '**no**'} |")
    if lat.get("burncloud") and lat.get("direct"):
        a = lat["burncloud"]["ttfb_p50_us"] - lat["direct"]["ttfb_p50_us"]
        P(f"| added TTFB (p50, first byte of the head) | ≤ 500 µs | {a:.0f} µs | {'yes' if a <= 500 else '**no**'} |")
        if lat["burncloud"].get("first_event_p50_us") and lat["direct"].get("first_event_p50_us"):
            f = lat["burncloud"]["first_event_p50_us"] - lat["direct"]["first_event_p50_us"]
            P(f"| (for reference) added time to first SSE event, p50 | – | {f:.0f} µs | – |")
    if hold.get("burncloud"):
        h = hold["burncloud"]
        mb = h["rss_kib"] / 1024
        ok = mb <= 160 and h["streams_open"] == h["streams_requested"]
        P(f"| RSS with {h['streams_requested']} open streams | ≤ 160 MB | {mb:.0f} MB "
          f"({h['streams_open']} open) | {'yes' if ok else '**no**'} |")
    P()


TARGETS = ("direct", "nginx-proxy", "burncloud", "portkey")


def cmd_plot(args):
    """PNG plots with gnuplot: req/s and p99 by target for each case, and RSS over the soak."""
    recs = [json.loads(l) for l in open(args.results) if l.strip()]
    wrk = {(r["case"], r["target"]): r for r in recs if r["kind"] == "wrk"}
    made = []
    os.makedirs(args.dir, exist_ok=True)
    targets = [t for t in TARGETS if any(k[1] == t for k in wrk)]
    if wrk:
        dat = os.path.join(args.dir, "throughput.dat")
        with open(dat, "w") as f:
            f.write("target non-stream stream non-stream stream\n")
            for t in targets:
                row = [wrk.get((c, t), {}) for c in ("non-stream", "stream")]
                f.write(f"{t} " + " ".join(str(r.get("rps", 0)) for r in row) + " "
                        + " ".join(str(r.get("p99_ms", 0)) for r in row) + "\n")
        for name, cols, ylabel in (("throughput", "2:3", "requests/s"), ("p99", "4:5", "p99 latency, ms")):
            a, b = cols.split(":")
            script = (f"set terminal png size 900,500 noenhanced; set output '{os.path.join(args.dir, name + '.png')}';"
                      f"set style data histograms; set style fill solid 0.8 border -1; set boxwidth 0.9;"
                      f"set key top right autotitle columnhead; set ylabel '{ylabel}'; set yrange [0:*];"
                      f"set title '{ylabel} by target, wrk -c{next(iter(wrk.values()))['connections']}';"
                      f"plot '{dat}' using {a}:xtic(1), '' using {b}")
            subprocess.run(["gnuplot", "-e", script], check=True)
            made.append(name + ".png")
    soak = [r for r in recs if r["kind"] == "soak"]
    if soak:
        dat = os.path.join(args.dir, "soak.dat")
        with open(dat, "w") as f:
            for r in soak:
                f.write(f"{r['t_s']} {r['rss_kib'] / 1024:.1f} {r.get('pss_kib', 0) / 1024:.1f}\n")
        script = (f"set terminal png size 900,500 noenhanced; set output '{os.path.join(args.dir, 'soak-rss.png')}';"
                  f"set xlabel 'seconds with the streams open'; set ylabel 'MB'; set yrange [0:*];"
                  f"set title 'BurnCloud memory with {soak[0].get('streams', 1000)} open streams';"
                  f"plot '{dat}' using 1:2 with lines lw 2 title 'RSS (all processes)',"
                  f" '' using 1:3 with lines lw 2 title 'PSS', 160 with lines dt 2 title 'target 160 MB'")
        subprocess.run(["gnuplot", "-e", script], check=True)
        made.append("soak-rss.png")
    print(" ".join(made))


def issue15_rows(wrk, lat, hold, soak, starts):
    """The targets of issue 15, each with what this run measured."""
    rows = []
    bars = {"non-stream": (0.50, 2.0), "stream": (0.40, 2.5)}
    for case, (rps_bar, cpu_bar) in bars.items():
        b, n = wrk.get((case, "burncloud")), wrk.get((case, "nginx-proxy"))
        if not (b and n):
            continue
        r = b["rps"] / n["rps"]
        rows.append((f"{case} req/s vs nginx", f"≥ {rps_bar:.2f}×", f"{r:.2f}×", r >= rps_bar))
        if b.get("proxy_cpu_us_per_req") and n.get("proxy_cpu_us_per_req"):
            c = b["proxy_cpu_us_per_req"] / n["proxy_cpu_us_per_req"]
            rows.append((f"{case} CPU/request vs nginx", f"≤ {cpu_bar:.1f}×",
                         f"{c:.2f}× ({b['proxy_cpu_us_per_req']:.0f} vs {n['proxy_cpu_us_per_req']:.0f} µs)", c <= cpu_bar))
        if n.get("p99_ms"):
            p = b["p99_ms"] / n["p99_ms"]
            rows.append((f"{case} p99 at {b['connections']} connections vs nginx's p99", "≤ 3×",
                         f"{p:.1f}× ({b['p99_ms']:.2f} vs {n['p99_ms']:.2f} ms)", p <= 3))
    if lat.get("burncloud") and lat.get("direct"):
        a = lat["burncloud"]["chunk_p99_us"] - lat["direct"]["chunk_p99_us"]
        rows.append(("added chunk delay p99 (burncloud − direct)", "≤ 1 ms", f"{a / 1000:.2f} ms", a <= 1000))
    h = hold.get("burncloud")
    if h:
        mb = h["rss_kib"] / 1024
        pss = h.get("pss_kib")
        extra = f", PSS {pss / 1024:.0f} MB" if pss else ""
        rows.append((f"RSS with {h['streams_requested']} open streams, all processes of `java -jar` (no options)",
                     "≤ 160 MB", f"{mb:.0f} MB{extra} ({h['streams_open']} open)",
                     mb <= 160 and h["streams_open"] == h["streams_requested"]))
    if soak:
        first = [r["rss_kib"] for r in soak[: max(1, len(soak) // 10)]]
        last = [r["rss_kib"] for r in soak[-max(1, len(soak) // 10):]]
        peak = max(r["rss_kib"] for r in soak) / 1024
        drift = (sum(last) / len(last) - sum(first) / len(first)) / 1024
        rows.append((f"RSS over the {soak[-1]['t_s'] / 60:.0f}-minute soak", "≤ 160 MB, flat",
                     f"peak {peak:.0f} MB, drift {drift:+.1f} MB (first → last tenth)", peak <= 160 and abs(drift) <= 5))
    good = [s for s in starts if s.get("first_200_s")]
    if good:
        best = min(s["first_200_s"] for s in good)
        med = statistics.median(s["first_200_s"] for s in good)
        rows.append((f"start to first served request ({good[0].get('java', 'JDK')}, plain `java -jar`, median of {len(good)})",
                     "≤ 1 s", f"{med:.2f} s (best {best:.2f} s, CPU {good[0].get('cpu_s')} s)", med <= 1.0))
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("ports")
    s.add_argument("n", type=int)
    s.set_defaults(fn=cmd_ports)
    s = sub.add_parser("rss")
    s.add_argument("pid", type=int, nargs="+")
    s.set_defaults(fn=cmd_rss)
    s = sub.add_parser("wrk")
    s.add_argument("case")
    s.add_argument("label")
    s.add_argument("url")
    s.add_argument("--body-file", required=True)
    s.add_argument("--key", default="none")
    s.add_argument("--pid", type=int, action="append", default=[])
    s.add_argument("--duration", type=int, default=10)
    s.add_argument("--connections", type=int, default=64)
    s.add_argument("--load-cpu", default="1")
    s.add_argument("--lua", required=True)
    s.add_argument("--results", required=True)
    s.set_defaults(fn=cmd_wrk)
    s = sub.add_parser("tree")
    s.add_argument("pid", type=int)
    s.set_defaults(fn=cmd_tree)
    s = sub.add_parser("sample")
    s.add_argument("--pid", type=int, action="append", default=[])
    s.add_argument("--seconds", type=float, required=True)
    s.add_argument("--interval", type=float, default=5.0)
    s.add_argument("--out", required=True)
    s.set_defaults(fn=cmd_sample)
    s = sub.add_parser("start")
    s.add_argument("port", type=int)
    s.add_argument("key")
    s.add_argument("body")
    s.add_argument("--timeout", type=float, default=60)
    s.add_argument("--log")
    s.add_argument("cmd", nargs=argparse.REMAINDER)
    s.set_defaults(fn=cmd_start)
    s = sub.add_parser("plot")
    s.add_argument("results")
    s.add_argument("dir")
    s.set_defaults(fn=cmd_plot)
    s = sub.add_parser("billing")
    s.add_argument("db")
    s.set_defaults(fn=cmd_billing)
    s = sub.add_parser("hot")
    s.add_argument("file")
    s.add_argument("--top", type=int, default=25)
    s.set_defaults(fn=cmd_hot)
    s = sub.add_parser("report")
    s.add_argument("results")
    s.set_defaults(fn=cmd_report)
    args = p.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
