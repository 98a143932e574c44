"""A txjason-style peer on Twisted's NetstringReceiver with its defaults (MAX_LENGTH 99999).

  twisted_netstring_peer.py server        listens on 127.0.0.1, prints "PORT <n>", answers
                                          each JSON-RPC request with its first param, exits
                                          after 30 s or when stdin closes
  twisted_netstring_peer.py client PORT   sends each line of stdin as one netstring, prints
                                          each frame received as one line, exits after the
                                          expected number of replies (first argument after
                                          PORT) or 30 s
"""
import json
import sys

from twisted.internet import reactor, stdio
from twisted.internet.protocol import Factory, ClientFactory, Protocol
from twisted.protocols.basic import NetstringReceiver


class EchoServer(NetstringReceiver):
    def stringReceived(self, data):
        message = json.loads(data.decode("utf-8"))
        if "id" not in message:
            return
        params = message.get("params") or [None]
        reply = {"jsonrpc": "2.0", "result": params[0], "id": message["id"]}
        self.sendString(json.dumps(reply).encode("utf-8"))


class StdinWatcher(Protocol):
    def connectionLost(self, reason):
        if reactor.running:
            reactor.stop()


class Caller(NetstringReceiver):
    def __init__(self, messages, expected):
        self.messages = messages
        self.expected = expected

    def connectionMade(self):
        for message in self.messages:
            self.sendString(message.encode("utf-8"))
        if self.expected == 0:
            self.transport.loseConnection()

    def stringReceived(self, data):
        print(data.decode("utf-8"), flush=True)
        self.expected -= 1
        if self.expected == 0:
            self.transport.loseConnection()

    def connectionLost(self, reason):
        print("CLOSED", flush=True)
        if reactor.running:
            reactor.stop()


def main():
    reactor.callLater(30, reactor.stop)
    if sys.argv[1] == "server":
        factory = Factory.forProtocol(EchoServer)
        port = reactor.listenTCP(0, factory, interface="127.0.0.1")
        print("PORT %d" % port.getHost().port, flush=True)
        stdio.StandardIO(StdinWatcher())
    else:
        messages = [line.rstrip("\n") for line in sys.stdin if line.strip()]
        factory = ClientFactory()
        factory.protocol = lambda: Caller(messages, int(sys.argv[3]))
        reactor.connectTCP("127.0.0.1", int(sys.argv[2]), factory)
    reactor.run()


main()
