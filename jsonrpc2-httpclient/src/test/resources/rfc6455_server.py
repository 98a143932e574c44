"""A minimal JSON-RPC server over RFC 6455 WebSocket on the Python standard library, as a foreign
peer for the client tests.

Usage: rfc6455_server.py. Listens on 127.0.0.1 at a free port and prints "PORT <port>"; serves
until its stdin closes (or two minutes pass). Every WebSocket path is accepted. Client frames
must be masked (else close 1002); fragments are joined; pings are answered with pongs; a close is
answered with a close. Each text message is a JSON-RPC request, notification or batch:

  echo(x)        -> x
  add(a, b, ...) -> the sum
  shout(x)       -> first the notification heard(x) to the client, then x
  ping()         -> sends the client a ping and answers with its payload once the pong is back
  wait()         -> never answered
  hangUp("close"|"drop") -> not answered: the server sends close 1001 then ends the connection,
                    or drops the TCP connection without a close frame
"""
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import threading

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class ProtocolError(Exception):
    pass


class HungUp(Exception):
    pass


def read_exact(stream, n):
    data = stream.read(n)
    if len(data) != n:
        raise EOFError("the client closed the connection")
    return data


class Connection:
    def __init__(self, sock):
        self.sock = sock
        self.stream = sock.makefile("rb")
        self.pings = {}

    def send_frame(self, opcode, payload):
        header = bytearray([0x80 | opcode])
        length = len(payload)
        if length < 126:
            header.append(length)
        elif length < 65536:
            header.append(126)
            header += struct.pack(">H", length)
        else:
            header.append(127)
            header += struct.pack(">Q", length)
        self.sock.sendall(bytes(header) + payload)

    def send_json(self, value):
        self.send_frame(0x1, json.dumps(value).encode("utf-8"))

    def read_frame(self):
        first, second = read_exact(self.stream, 2)
        if not second & 0x80:
            raise ProtocolError("client frames must be masked")
        length = second & 0x7F
        if length == 126:
            (length,) = struct.unpack(">H", read_exact(self.stream, 2))
        elif length == 127:
            (length,) = struct.unpack(">Q", read_exact(self.stream, 8))
        mask = read_exact(self.stream, 4)
        payload = read_exact(self.stream, length)
        return first & 0x0F, bool(first & 0x80), bytes(b ^ mask[i % 4] for i, b in enumerate(payload))

    def handshake(self):
        request = self.stream.readline().decode("ascii").split()
        headers = {}
        while True:
            line = self.stream.readline().decode("ascii").strip()
            if not line:
                break
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        key = headers.get("sec-websocket-key")
        if len(request) < 2 or request[0] != "GET" or key is None \
                or headers.get("upgrade", "").lower() != "websocket":
            self.sock.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return False
        accept = base64.b64encode(hashlib.sha1((key + GUID).encode("ascii")).digest()).decode()
        self.sock.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode("ascii")
        )
        return True

    def serve(self):
        try:
            if not self.handshake():
                return
            parts = []
            while True:
                opcode, fin, payload = self.read_frame()
                if opcode == 0x8:
                    self.send_frame(0x8, payload[:2])
                    return
                if opcode == 0x9:
                    self.send_frame(0xA, payload)
                elif opcode == 0xA:
                    request_id = self.pings.pop(payload, None)
                    if request_id is not None:
                        self.send_json({"jsonrpc": "2.0", "result": payload.decode("ascii"), "id": request_id})
                elif opcode in (0x1, 0x0):
                    parts.append(payload)
                    if fin:
                        self.handle(b"".join(parts).decode("utf-8"))
                        parts = []
                else:
                    raise ProtocolError("unexpected opcode %d" % opcode)
        except ProtocolError:
            self.send_frame(0x8, struct.pack(">H", 1002))
        except (HungUp, EOFError, OSError):
            pass
        finally:
            self.sock.close()

    def handle(self, text):
        try:
            message = json.loads(text)
        except ValueError:
            self.send_json(error(None, -32700, "Parse error"))
            return
        if isinstance(message, list):
            if not message:
                self.send_json(error(None, -32600, "Invalid Request"))
                return
            replies = [reply for reply in (self.answer(m) for m in message) if reply is not None]
            if replies:
                self.send_json(replies)
        else:
            reply = self.answer(message)
            if reply is not None:
                self.send_json(reply)

    def answer(self, message):
        if not isinstance(message, dict) or not isinstance(message.get("method"), str):
            return error(None, -32600, "Invalid Request")
        method, params, request_id = message["method"], message.get("params", []), message.get("id")
        notification = "id" not in message
        if method == "echo":
            result = params[0]
        elif method == "add":
            result = sum(params)
        elif method == "shout":
            self.send_json({"jsonrpc": "2.0", "method": "heard", "params": [params[0]]})
            result = params[0]
        elif method == "ping":
            token = os.urandom(8).hex().encode("ascii")
            self.pings[token] = request_id
            self.send_frame(0x9, token)
            return None
        elif method == "wait":
            return None
        elif method == "hangUp":
            if params[0] == "close":
                self.send_frame(0x8, struct.pack(">H", 1001) + b"going away")
                self.sock.settimeout(2)
                try:
                    while self.read_frame()[0] != 0x8:
                        pass
                except (EOFError, OSError, ProtocolError):
                    pass
            else:
                self.sock.shutdown(socket.SHUT_RDWR)
            raise HungUp()
        else:
            return None if notification else error(request_id, -32601, "Method not found: " + method)
        return None if notification else {"jsonrpc": "2.0", "result": result, "id": request_id}


def error(request_id, code, text):
    return {"jsonrpc": "2.0", "error": {"code": code, "message": text}, "id": request_id}


def main():
    listener = socket.create_server(("127.0.0.1", 0))
    print("PORT", listener.getsockname()[1], flush=True)
    # Ends with the test that started it, and never outlives it by much.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    threading.Timer(120, lambda: os._exit(2)).start()
    while True:
        sock, _ = listener.accept()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=Connection(sock).serve, daemon=True).start()


if __name__ == "__main__":
    main()
