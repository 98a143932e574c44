/** Runnable examples of jsonrpc2; the README and docs/ quote them. */
package io.jsonrpc2.examples;
