/** Load generators for the ZeroMQ transport. */
package io.jsonrpc2.benchmarks.zeromq;
