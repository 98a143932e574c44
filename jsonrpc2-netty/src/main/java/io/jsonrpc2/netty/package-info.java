/** The netty transport of jsonrpc2. */
package io.jsonrpc2.netty;
