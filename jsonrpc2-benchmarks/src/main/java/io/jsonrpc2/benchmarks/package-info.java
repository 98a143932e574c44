/** JMH benchmarks and load generators. */
package io.jsonrpc2.benchmarks;
