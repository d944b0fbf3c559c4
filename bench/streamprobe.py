#!/usr/bin/env python3
"""Stream measurements for bench/run.sh (Python 3 standard library only).

Every mode runs a *paced* fake OpenAI upstream inside this same process (an asyncio HTTP/1.1 server
that answers POST .../chat/completions with the recorded SSE fixture, one event per chunked write),
so the upstream's write time and the client's read time of every event come from one clock
(time.perf_counter_ns, CLOCK_MONOTONIC).

  latency  N streams (C at a time, keep-alive connections) through TARGET. For each stream: time to
           the first byte of the response head (TTFB, from the moment the request was written) and,
           for every SSE event, the delay between the upstream writing it and the client having read
           it. Run it once against the upstream directly and once per proxy: the difference is what
           the proxy adds.
  hold     Opens N streams through TARGET whose upstream trickles one event every HOLD_GAP_MS without
           end, waits until every stream has its head and a first event, lets the proxy settle, then
           prints VmRSS of the given PIDs, and closes everything.

The upstream decides what to send from the request body: a model ending in "-hold" gets the endless
trickle, anything else the fixture once, one event every GAP_MS. The probe id travels in the body's
"user" field ("probe-N"), which a proxy forwards untouched.

Output: one line "PROBE {json}" on stdout.
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import time

now = time.perf_counter_ns


# ---------------------------------------------------------------------------------------- upstream


def load_events(path):
    """The fixture's SSE events, each with its terminating blank line, as bytes."""
    data = open(path, "rb").read().replace(b"\r\n", b"\n")
    return [e + b"\n\n" for e in data.split(b"\n\n") if e.strip()]


def payload(event):
    """What identifies an event whatever the framing: its data lines, CR/LF-normalised."""
    return event.replace(b"\r\n", b"\n").strip()


class Upstream:
    def __init__(self, events, gap_ms, hold_gap_ms):
        self.events = events
        self.gap = gap_ms / 1000.0
        self.hold_gap = hold_gap_ms / 1000.0
        self.written = {}  # probe id -> [(payload, t_write_ns)], head write time under key (id, "head")
        self.received = {}  # probe id -> time the request was complete at the upstream
        self.connections = 0
        self.requests = 0

    async def handle(self, reader, writer):
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                if headers.get("transfer-encoding", "").lower() == "chunked":
                    body = b""
                    while True:
                        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                        chunk = await reader.readexactly(size + 2)
                        if size == 0:
                            break
                        body += chunk[:-2]
                else:
                    body = await reader.readexactly(int(headers.get("content-length", "0")))
                t_req = now()
                self.requests += 1
                try:
                    req = json.loads(body)
                except ValueError:
                    req = {}
                probe = req.get("user") if isinstance(req.get("user"), str) else None
                if probe:
                    self.received[probe] = t_req
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
                    b"transfer-encoding: chunked\r\n\r\n"
                )
                if probe:
                    self.written[(probe, "head")] = now()
                if str(req.get("model", "")).endswith("-hold"):
                    # endless trickle of content events until the peer goes away
                    content = self.events[1:-3] or self.events
                    i = 0
                    while True:
                        await asyncio.sleep(self.hold_gap)
                        ev = content[i % len(content)]
                        i += 1
                        writer.write(b"%x\r\n%s\r\n" % (len(ev), ev))
                        await writer.drain()
                times = []
                if probe:
                    self.written[probe] = times
                for ev in self.events:
                    await asyncio.sleep(self.gap)
                    if probe:
                        times.append((payload(ev), now()))
                    writer.write(b"%x\r\n%s\r\n" % (len(ev), ev))
                writer.write(b"0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


# ------------------------------------------------------------------------------------------ client


class HttpStream:
    """One keep-alive client connection; reads one chunked or content-length response at a time."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None
        self.buf = b""

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.buf = b""

    async def _fill(self):
        data = await self.reader.read(65536)
        if not data:
            raise ConnectionError("connection closed by peer")
        t = now()
        self.buf += data
        return t

    async def request(self, path, key, body, on_event=None, stop=None):
        """Sends one POST; returns (t_sent, t_head, status, [(payload, t_read)])."""
        if self.writer is None:
            await self.connect()
        req = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        t_sent = now()
        self.writer.write(req)
        t_head = None
        while b"\r\n\r\n" not in self.buf:
            t = await self._fill()
            if t_head is None:
                t_head = t
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        events = []
        sse = b""

        def feed(data, t):
            nonlocal sse
            sse += data.replace(b"\r\n", b"\n")
            while b"\n\n" in sse:
                ev, sse = sse.split(b"\n\n", 1)
                if ev.strip():
                    events.append((ev.strip(), t))
                    if on_event:
                        on_event()

        t_last = t_head
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                while b"\r\n" not in self.buf:
                    t_last = await self._fill()
                line, rest = self.buf.split(b"\r\n", 1)
                size = int(line.split(b";")[0], 16)
                if size == 0:
                    while b"\r\n" not in rest:
                        t_last = await self._fill()
                        rest = self.buf.split(b"\r\n", 1)[1]
                    self.buf = rest.split(b"\r\n", 1)[1]
                    break
                while len(rest) < size + 2:
                    t_last = await self._fill()
                    rest = self.buf.split(b"\r\n", 1)[1]
                feed(rest[:size], t_last)
                self.buf = rest[size + 2 :]
                if stop is not None and stop.is_set():
                    break
        elif "content-length" in headers:
            n = int(headers["content-length"])
            while len(self.buf) < n:
                t_last = await self._fill()
                if stop is not None and stop.is_set():
                    break
            feed(self.buf[:n], t_last)
            self.buf = self.buf[n:]
        else:  # close-delimited
            try:
                while True:
                    t_last = await self._fill()
                    if stop is not None and stop.is_set():
                        break
            except ConnectionError:
                pass
            feed(self.buf, t_last)
            self.buf = b""
            self.close()
        if headers.get("connection", "").lower() == "close":
            self.close()
        return t_sent, t_head, status, events

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.writer = None


def chat_body(model, probe, include_usage):
    body = {
        "model": model,
        "messages": [{"role": "user", "content": "What's the weather like in San Francisco?"}],
        "stream": True,
        "user": probe,
    }
    if include_usage:
        body["stream_options"] = {"include_usage": True}
    return json.dumps(body, separators=(",", ":")).encode()


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def align(sent, got):
    """Pairs each event the client got with the upstream event of the same payload, in order.

    A proxy may drop events (e.g. the usage chunk the client did not ask for): those are skipped."""
    pairs, j = [], 0
    for p, t_read in got:
        k = j
        while k < len(sent) and sent[k][0] != p:
            k += 1
        if k == len(sent):
            continue
        pairs.append((sent[k][1], t_read))
        j = k + 1
    return pairs


async def run_latency(args, up):
    host, port, path = args.host, args.port, args.path
    ttfb, first_event, chunk, unmatched, errors, statuses = [], [], [], 0, 0, {}
    forward = []  # request written by the client -> request complete at the upstream
    counter = iter(range(10**9))

    async def one(conn, record):
        nonlocal unmatched, errors
        probe = f"probe-{next(counter)}"
        body = chat_body(args.model, probe, args.include_usage)
        try:
            t_sent, t_head, status, events = await conn.request(path, args.key, body)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError):
            errors += 1
            conn.close()
            return
        statuses[status] = statuses.get(status, 0) + 1
        if not record or status != 200:
            return
        ttfb.append(t_head - t_sent)
        sent = up.written.pop(probe, [])
        up.written.pop((probe, "head"), None)
        t_recv = up.received.pop(probe, None)
        if t_recv is not None:
            forward.append(t_recv - t_sent)
        pairs = align(sent, events)
        unmatched += len(events) - len(pairs)
        if pairs:
            first_event.append(pairs[0][1] - t_sent)
        chunk.extend(t_read - t_write for t_write, t_read in pairs)

    async def worker(n, record):
        conn = HttpStream(host, port)
        for _ in range(n):
            await one(conn, record)
        conn.close()

    per = max(1, args.warmup // args.concurrency)
    await asyncio.gather(*(worker(per, False) for _ in range(args.concurrency)))
    per = max(1, args.streams // args.concurrency)
    t0 = now()
    await asyncio.gather(*(worker(per, True) for _ in range(args.concurrency)))
    wall = (now() - t0) / 1e9
    us = lambda v: None if v is None else round(v / 1000.0, 1)
    return {
        "mode": "latency",
        "streams": len(ttfb),
        "concurrency": args.concurrency,
        "gap_ms": args.gap_ms,
        "wall_s": round(wall, 2),
        "statuses": {str(k): v for k, v in statuses.items()},
        "errors": errors,
        "unmatched_events": unmatched,
        "events": len(chunk),
        "ttfb_p50_us": us(pct(ttfb, 50)),
        "ttfb_p99_us": us(pct(ttfb, 99)),
        "ttfb_mean_us": us(statistics.fmean(ttfb)) if ttfb else None,
        "request_forward_p50_us": us(pct(forward, 50)),
        "first_event_p50_us": us(pct(first_event, 50)),
        "first_event_p99_us": us(pct(first_event, 99)),
        "chunk_p50_us": us(pct(chunk, 50)),
        "chunk_p99_us": us(pct(chunk, 99)),
        "chunk_mean_us": us(statistics.fmean(chunk)) if chunk else None,
    }


def rss_kib(pids, field="VmRSS:", path="status"):
    """VmRSS summed (or, with field="Pss:" and path="smaps_rollup", the proportional set size)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/{path}") as f:
                for line in f:
                    if line.startswith(field):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


async def run_hold(args, up):
    ready = 0
    all_ready = asyncio.Event()
    stop = asyncio.Event()
    events = 0
    failed = 0
    statuses = {}
    connect_gate = asyncio.Semaphore(args.connect_batch)

    async def one(i):
        nonlocal ready, events, failed
        conn = HttpStream(args.host, args.port)
        got_first = False

        def on_event():
            nonlocal got_first, ready, events
            events += 1
            if not got_first:
                got_first = True
                ready += 1
                if ready == args.streams:
                    all_ready.set()

        try:
            async with connect_gate:
                await conn.connect()
            _, _, status, _ = await conn.request(
                args.path, args.key, chat_body(args.model, f"hold-{i}", False), on_event=on_event, stop=stop
            )
            statuses[status] = statuses.get(status, 0) + 1
        except (ConnectionError, asyncio.IncompleteReadError, OSError, ValueError):
            if not stop.is_set():
                failed += 1
        finally:
            conn.close()

    rss_before = rss_kib(args.pid)
    t0 = now()
    tasks = [asyncio.ensure_future(one(i)) for i in range(args.streams)]
    try:
        await asyncio.wait_for(all_ready.wait(), timeout=args.timeout)
    except asyncio.TimeoutError:
        pass
    open_s = (now() - t0) / 1e9
    await asyncio.sleep(args.settle)
    samples = []
    pss = []
    for _ in range(5):
        samples.append(rss_kib(args.pid))
        pss.append(rss_kib(args.pid, "Pss:", "smaps_rollup"))
        await asyncio.sleep(0.2)
    events_at_sample = events
    stop.set()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {
        "mode": "hold",
        "streams_requested": args.streams,
        "streams_open": ready,
        "failed": failed,
        "statuses": {str(k): v for k, v in statuses.items()},
        "seconds_to_open_all": round(open_s, 2),
        "events_received": events_at_sample,
        "rss_before_kib": rss_before,
        "rss_kib": max(samples),
        "pss_kib": max(pss),
        "upstream_connections": up.connections,
    }


async def main_async(args):
    up = Upstream(load_events(args.fixture), args.gap_ms, args.hold_gap_ms)
    server = await asyncio.start_server(up.handle, "127.0.0.1", args.upstream_port, backlog=4096)
    try:
        if args.mode == "latency":
            result = await run_latency(args, up)
        else:
            result = await run_hold(args, up)
    finally:
        server.close()
    result["target"] = f"http://{args.host}:{args.port}{args.path}"
    print("PROBE " + json.dumps(result), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["latency", "hold"])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True, help="port of the target (upstream or proxy)")
    p.add_argument("--path", default="/paced/v1/chat/completions")
    p.add_argument("--upstream-port", type=int, required=True, help="port the in-process upstream listens on")
    p.add_argument("--fixture", required=True, help="SSE file whose events the upstream sends")
    p.add_argument("--key", default="none")
    p.add_argument("--model", default="gpt-4o-paced")
    p.add_argument("--include-usage", action="store_true", help="ask for stream_options.include_usage")
    p.add_argument("--gap-ms", type=float, default=2.0, help="latency: pause before each event")
    p.add_argument("--streams", type=int, default=200)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--warmup", type=int, default=40)
    p.add_argument("--hold-gap-ms", type=float, default=1000.0, help="hold: one event per stream this often")
    p.add_argument("--pid", type=int, action="append", default=[], help="hold: process(es) whose RSS to read")
    p.add_argument("--settle", type=float, default=2.0, help="hold: seconds to wait after all streams are open")
    p.add_argument("--timeout", type=float, default=60.0, help="hold: give up waiting for streams after this")
    p.add_argument("--connect-batch", type=int, default=100, help="hold: connections opened at once")
    args = p.parse_args()
    if args.mode == "hold" and args.model == "gpt-4o-paced":
        args.model = "gpt-4o-hold"
    try:
        asyncio.run(main_async(args))
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
