package io.jsonrpc2.stdio;

/** The server conformance suite, with Content-Length headers. */
class ContentLengthServerConformanceTest extends PipedServerConformance {
  ContentLengthServerConformanceTest() {
    super(StdioFraming.CONTENT_LENGTH);
  }
}
