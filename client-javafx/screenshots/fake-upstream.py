"""A stand-in OpenAI-compatible upstream for screenshots.sh: answers chat completions (whole or
streamed, with usage) and the model list. Screenshots only; the tests use the router's FakeUpstream."""
import random
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_GET(self):
        body = json.dumps({"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]}).encode()
        self.send_response(200); self.send_header("content-type","application/json"); self.send_header("content-length",str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_POST(self):
        n = int(self.headers.get("content-length","0")); req = json.loads(self.rfile.read(n) or b"{}")
        time.sleep(random.uniform(0.05, 0.4))
        if req.get("stream"):
            self.send_response(200); self.send_header("content-type","text/event-stream"); self.send_header("transfer-encoding","chunked"); self.end_headers()
            def chunk(s):
                b=s.encode(); self.wfile.write(b"%x\r\n"%len(b)+b+b"\r\n"); self.wfile.flush()
            for w in ["Hello","!"," How"," can"," I"," help?"]:
                chunk("data: "+json.dumps({"id":"c1","object":"chat.completion.chunk","created":1,"model":req.get("model"),"choices":[{"index":0,"delta":{"content":w},"finish_reason":None}]})+"\n\n")
            chunk("data: "+json.dumps({"id":"c1","object":"chat.completion.chunk","created":1,"model":req.get("model"),"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})+"\n\n")
            chunk("data: "+json.dumps({"id":"c1","object":"chat.completion.chunk","created":1,"model":req.get("model"),"choices":[],"usage":{"prompt_tokens":random.randint(20,400),"completion_tokens":random.randint(50,900)}})+"\n\n")
            chunk("data: [DONE]\n\n"); self.wfile.write(b"0\r\n\r\n"); self.wfile.flush(); return
        body = json.dumps({"id":"c1","object":"chat.completion","created":1,"model":req.get("model"),"choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the fake upstream"},"finish_reason":"stop"}],"usage":{"prompt_tokens":random.randint(20,400),"completion_tokens":random.randint(50,600)}}).encode()
        self.send_response(200); self.send_header("content-type","application/json"); self.send_header("content-length",str(len(body))); self.end_headers(); self.wfile.write(body)
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
