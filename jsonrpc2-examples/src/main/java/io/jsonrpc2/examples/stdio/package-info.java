/**
 * JSON-RPC over standard input and output: a server run as a program ({@link
 * io.jsonrpc2.examples.stdio.StdioExample}) and a client that starts it as a child process ({@link
 * io.jsonrpc2.examples.stdio.StdioClientExample}). {@code docs/stdio.md} quotes these classes.
 */
package io.jsonrpc2.examples.stdio;
