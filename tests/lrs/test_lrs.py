#!/usr/bin/env python3
"""A small Learning Record Store for Groundwork's tests: the statements resource of xAPI 1.0.3 (part three, 2.1).

No LRS package runs on this Debian machine without a download (Learning Locker's statement service needs npm
packages from the network), so the integration tests start this one on 127.0.0.1. It follows the rules the client
depends on, as the real LRSs it was written against do (Learning Locker, Ralph, SQL LRS):

- POST /statements with one statement or an array: 200 and the ids. A statement whose id is already stored with the
  same content is accepted again without a second copy; the same id with different content refuses the whole batch
  with 409, and nothing of the batch is stored. A statement without actor, verb or object is 400.
- PUT /statements?statementId=ID: 204, 409 on a changed statement.
- GET /statements: ?statementId=, ?since= (stored after), ?limit=, ?ascending=; a StatementResult with "more"
  when there are further pages. Voided statements are left out of lists (part three, 2.1.4).
- Only /xapi/statements is an LRS resource (404 elsewhere). Every request needs X-Experience-API-Version (400 without) and basic auth when --key is given (401 otherwise).

For fault injection the tests POST to /control (not part of xAPI):
  {"fail": [{"status": 429, "retry_after": 1}, {"status": 503}]}   canned answers for the next requests
  {"drop_after_store": 1}   store the next POST's batch, then close the connection without answering
  {"clear": true}           forget every statement
and GET /control for {"stored": N, "posts": N, "ids": [...]}.

Usage: test_lrs.py [--port 0] [--key K --secret S]; prints "PORT <n>" once listening.
"""
import argparse
import base64
import datetime
import json
import sys
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATEMENTS = []  # stored order
BY_ID = {}
CONTROL = {"fail": [], "drop_after_store": 0, "posts": 0}
ARGS = None


def now_iso():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def comparable(statement):
    """The parts of a statement a client sets; the LRS's own fields are not compared (part two, 2.3)."""
    return {k: v for k, v in statement.items() if k not in ("stored", "authority", "version")}


def valid(statement):
    return isinstance(statement, dict) and all(k in statement for k in ("actor", "verb", "object"))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the test's output is what matters
        pass

    def answer(self, status, body=None, headers=None):
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("X-Experience-API-Version", "1.0.3")
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        if data:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def authorised(self):
        if not ARGS.key:
            return True
        expected = "Basic " + base64.b64encode(f"{ARGS.key}:{ARGS.secret}".encode()).decode()
        return self.headers.get("Authorization") == expected

    def gate(self):
        """Common checks; True when the request may go on."""
        if self.path.startswith("/control"):
            return True
        with LOCK:
            canned = CONTROL["fail"].pop(0) if CONTROL["fail"] else None
        if canned:
            self.read_body()
            headers = {"Retry-After": canned["retry_after"]} if "retry_after" in canned else {}
            self.answer(canned["status"], {"error": "injected"}, headers)
            return False
        if not self.authorised():
            self.read_body()
            self.answer(401, {"error": "unauthorised"}, {"WWW-Authenticate": 'Basic realm="test LRS"'})
            return False
        if not self.headers.get("X-Experience-API-Version"):
            self.read_body()
            self.answer(400, {"error": "X-Experience-API-Version header missing"})
            return False
        return True

    def store(self, batch):
        """Stores a batch all or nothing. Returns (status, ids or message)."""
        with LOCK:
            for s in batch:
                if not valid(s):
                    return 400, "a statement needs actor, verb and object"
                sid = s.get("id")
                if sid and sid in BY_ID and comparable(BY_ID[sid]) != comparable(s):
                    return 409, f"statement {sid} exists with different content"
            ids = []
            for s in batch:
                s = dict(s)
                s.setdefault("id", str(uuid.uuid4()))
                if s["id"] not in BY_ID:
                    s["stored"] = now_iso()
                    s.setdefault("timestamp", s["stored"])
                    BY_ID[s["id"]] = s
                    STATEMENTS.append(s)
                ids.append(s["id"])
            return 200, ids

    def do_POST(self):
        parsed = urllib.parse.urlparse(self.path)
        if parsed.path == "/control":
            body = json.loads(self.read_body() or b"{}")
            with LOCK:
                if body.get("clear"):
                    STATEMENTS.clear()
                    BY_ID.clear()
                    CONTROL["posts"] = 0
                CONTROL["fail"].extend(body.get("fail", []))
                CONTROL["drop_after_store"] += int(body.get("drop_after_store", 0))
            return self.answer(204)
        if not self.gate():
            return
        if parsed.path != "/xapi/statements":
            self.read_body()
            return self.answer(404, {"error": "not a statements resource"})
        try:
            body = json.loads(self.read_body())
        except ValueError:
            return self.answer(400, {"error": "not JSON"})
        batch = body if isinstance(body, list) else [body]
        status, result = self.store(batch)
        with LOCK:
            CONTROL["posts"] += 1
            drop = status == 200 and CONTROL["drop_after_store"] > 0
            if drop:
                CONTROL["drop_after_store"] -= 1
        if drop:  # the LRS died after storing, before answering
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.answer(status, result if status == 200 else {"error": result})

    def do_PUT(self):
        if not self.gate():
            return
        if urllib.parse.urlparse(self.path).path != "/xapi/statements":
            self.read_body()
            return self.answer(404, {"error": "not a statements resource"})
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        try:
            statement = json.loads(self.read_body())
        except ValueError:
            return self.answer(400, {"error": "not JSON"})
        sid = (query.get("statementId") or [None])[0]
        if not sid or (statement.get("id") not in (None, sid)):
            return self.answer(400, {"error": "statementId missing or different from the statement's id"})
        statement["id"] = sid
        status, result = self.store([statement])
        self.answer(204 if status == 200 else status, None if status == 200 else {"error": result})

    def do_GET(self):
        parsed = urllib.parse.urlparse(self.path)
        if parsed.path == "/control":
            with LOCK:
                return self.answer(200, {"stored": len(STATEMENTS), "posts": CONTROL["posts"],
                                         "ids": [s["id"] for s in STATEMENTS]})
        if not self.gate():
            return
        if parsed.path != "/xapi/statements":
            return self.answer(404, {"error": "not a statements resource"})
        query = {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query).items()}
        with LOCK:
            if "statementId" in query:
                s = BY_ID.get(query["statementId"])
                return self.answer(200, s) if s else self.answer(404, {"error": "no such statement"})
            voided = {s["object"].get("id") for s in STATEMENTS
                      if s["verb"].get("id") == "http://adlnet.gov/expapi/verbs/voided"}
            rows = [s for s in STATEMENTS if s["id"] not in voided]
        if "since" in query:
            rows = [s for s in rows if s["stored"] > query["since"]]
        if query.get("ascending") != "true":
            rows = list(reversed(rows))
        start = int(query.get("cursor", 0))
        limit = int(query.get("limit", 0)) or 100
        page = rows[start:start + limit]
        more = ""
        if start + limit < len(rows):
            rest = dict(query, cursor=str(start + limit))
            more = parsed.path + "?" + urllib.parse.urlencode(rest)
        self.answer(200, {"statements": page, "more": more})


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--key", default="")
    parser.add_argument("--secret", default="")
    ARGS = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", ARGS.port), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
