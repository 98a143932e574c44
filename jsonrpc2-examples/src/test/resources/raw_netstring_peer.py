"""A netstring JSON-RPC peer written with Python's standard library only, with no JSON-RPC library:
it drives the example server's two-way methods (main.countdown, main.ask) and checks every frame.

Usage: raw_netstring_peer.py PORT. Prints one line per check and exits 0 when all hold.
"""
import json
import socket
import sys


class Peer:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.sock.sendall(str(len(body)).encode("ascii") + b":" + body + b",")

    def read(self):
        while b":" not in self.buffer:
            self.fill()
        length, rest = self.buffer.split(b":", 1)
        size = int(length)
        while len(rest) < size + 1:
            self.buffer = length + b":" + rest
            self.fill()
            length, rest = self.buffer.split(b":", 1)
        assert rest[size:size + 1] == b",", "a netstring ends with a comma"
        self.buffer = rest[size + 1:]
        return json.loads(rest[:size].decode("utf-8"))

    def fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("the server closed the connection")
        self.buffer += chunk

    def close(self):
        self.sock.close()


def check(what, condition, seen):
    if not condition:
        print("FAILED: " + what + ": " + json.dumps(seen))
        sys.exit(1)
    print("ok: " + what)


def main():
    port = int(sys.argv[1])
    peer = Peer(port)

    peer.send({"jsonrpc": "2.0", "method": "main.countdown", "params": [3], "id": 1})
    frames = [peer.read() for _ in range(4)]
    ticks = [f.get("params") for f in frames[:3]]
    check("countdown sends three ticks in order before its result",
          all(f.get("method") == "main.tick" and "id" not in f for f in frames[:3])
          and ticks == [[2], [1], [0]]
          and frames[3] == {"jsonrpc": "2.0", "result": "done", "id": 1}, frames)

    peer.send({"jsonrpc": "2.0", "method": "main.ask", "params": ["why?"], "id": 2})
    asked = peer.read()
    check("ask calls client.answer on the same connection",
          asked.get("method") == "client.answer" and asked.get("params") == ["why?"]
          and "id" in asked, asked)
    peer.send({"jsonrpc": "2.0", "result": "because", "id": asked["id"]})
    answer = peer.read()
    check("ask answers with the caller's result",
          answer == {"jsonrpc": "2.0", "result": "because", "id": 2}, answer)

    peer.send({"jsonrpc": "2.0", "method": "main.ask", "params": ["fail"], "id": 3})
    asked = peer.read()
    peer.send({"jsonrpc": "2.0", "error": {"code": 7, "message": "no"}, "id": asked["id"]})
    answer = peer.read()
    check("an error answer passes through with its code and message",
          answer.get("id") == 3 and answer.get("error", {}).get("code") == 7
          and answer["error"].get("message") == "no", answer)

    peer.send({"jsonrpc": "2.0", "method": "main.ask", "params": ["a"], "id": 4})
    peer.send({"jsonrpc": "2.0", "method": "main.ask", "params": ["b"], "id": 5})
    questions = {}
    for _ in range(2):
        asked = peer.read()
        questions[asked["params"][0]] = asked["id"]
    peer.send({"jsonrpc": "2.0", "result": "re b", "id": questions["b"]})
    peer.send({"jsonrpc": "2.0", "result": "re a", "id": questions["a"]})
    answers = {}
    for _ in range(2):
        answer = peer.read()
        answers[answer["id"]] = answer.get("result")
    check("two asks answered in reverse order each get their own answer",
          answers == {4: "re a", 5: "re b"}, answers)

    peer.send({"jsonrpc": "2.0", "method": "main.ask", "params": ["never"], "id": 6})
    asked = peer.read()
    check("an ask left unanswered", asked.get("method") == "client.answer", asked)
    peer.close()

    again = Peer(port)
    again.send({"jsonrpc": "2.0", "method": "main.echo", "params": ["still here"], "id": 7})
    answer = again.read()
    check("a new connection is served after the unanswered one was dropped",
          answer == {"jsonrpc": "2.0", "result": "still here", "id": 7}, answer)
    again.close()


main()
