/** The httpclient transport of jsonrpc2. */
package io.jsonrpc2.httpclient;
