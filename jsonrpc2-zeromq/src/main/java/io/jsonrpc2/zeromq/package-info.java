/** The zeromq transport of jsonrpc2. */
package io.jsonrpc2.zeromq;
