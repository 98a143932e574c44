"""A minimal RFC 6455 client on the Python standard library, as a foreign peer for the tests.

Usage: rfc6455_client.py PORT PATH. Opens ws://127.0.0.1:PORT/PATH, checks the server's
Sec-WebSocket-Accept, then sends each line of stdin as one text message (every second one split
into two fragments) and prints the reply to each line that has an "id". Ends with a close
handshake and prints "CLOSED <code>".
"""
import base64
import hashlib
import os
import socket
import struct
import sys

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def send_frame(sock, opcode, payload, fin=True):
    header = bytearray([(0x80 if fin else 0) | opcode])
    length = len(payload)
    if length < 126:
        header.append(0x80 | length)
    elif length < 65536:
        header.append(0x80 | 126)
        header += struct.pack(">H", length)
    else:
        header.append(0x80 | 127)
        header += struct.pack(">Q", length)
    mask = os.urandom(4)
    header += mask
    sock.sendall(bytes(header) + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def read_exact(stream, n):
    data = stream.read(n)
    if len(data) != n:
        raise EOFError("the server closed the connection")
    return data


def read_frame(stream):
    first, second = read_exact(stream, 2)
    length = second & 0x7F
    if length == 126:
        (length,) = struct.unpack(">H", read_exact(stream, 2))
    elif length == 127:
        (length,) = struct.unpack(">Q", read_exact(stream, 8))
    return first & 0x0F, bool(first & 0x80), read_exact(stream, length)


def read_message(sock, stream):
    parts = []
    while True:
        opcode, fin, payload = read_frame(stream)
        if opcode == 0x9:
            send_frame(sock, 0xA, payload)
        elif opcode in (0x1, 0x0):
            parts.append(payload)
            if fin:
                return b"".join(parts).decode("utf-8")
        elif opcode == 0x8:
            raise EOFError("closed by the server")


def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    stream = sock.makefile("rb")
    key = base64.b64encode(os.urandom(16)).decode("ascii")
    sock.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode("ascii")
    )
    status = stream.readline().decode("ascii").split()
    headers = {}
    while True:
        line = stream.readline().decode("ascii").strip()
        if not line:
            break
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    expected = base64.b64encode(hashlib.sha1((key + GUID).encode("ascii")).digest()).decode()
    if status[1] != "101" or headers.get("sec-websocket-accept") != expected:
        print("HANDSHAKE-FAILED", status, headers, flush=True)
        return 1
    print("ACCEPT-OK", flush=True)
    for number, line in enumerate(sys.stdin.read().splitlines()):
        message = line.encode("utf-8")
        if number % 2 == 1 and len(message) > 1:
            middle = len(message) // 2
            send_frame(sock, 0x1, message[:middle], fin=False)
            send_frame(sock, 0x0, message[middle:])
        else:
            send_frame(sock, 0x1, message)
        if '"id"' in line:
            print(read_message(sock, stream), flush=True)
    send_frame(sock, 0x8, struct.pack(">H", 1000))
    while True:
        opcode, _, payload = read_frame(stream)
        if opcode == 0x8:
            print("CLOSED", struct.unpack(">H", payload[:2])[0], flush=True)
            return 0


if __name__ == "__main__":
    sys.exit(main())
