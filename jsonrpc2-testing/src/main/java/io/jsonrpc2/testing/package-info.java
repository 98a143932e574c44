/**
 * Test support for jsonrpc2 and for transports built on it: in-memory and scripted client
 * transports, the specification's examples as fixtures, and the server and client conformance
 * suites that every transport's tests extend.
 */
package io.jsonrpc2.testing;
