/** The servlet transport of jsonrpc2. */
package io.jsonrpc2.servlet;
