package io.jsonrpc2.stdio;

/** The server conformance suite, one message per line. */
class NewlineServerConformanceTest extends PipedServerConformance {
  NewlineServerConformanceTest() {
    super(StdioFraming.NEWLINE);
  }
}
